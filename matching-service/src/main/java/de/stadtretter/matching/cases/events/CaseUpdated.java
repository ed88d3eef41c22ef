package de.stadtretter.matching.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * matching-service's own view of catalog-service's {@code de.stadtretter.catalog.case.updated.v1} event (a
 * published revision): the same fields as {@link CasePublished}, so that a case is matched by its current topics.
 */
public record CaseUpdated(@NotNull UUID caseId, @NotBlank String ags, String stateCode,
        @NotEmpty List<@NotBlank String> topics, @NotNull Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.updated.v1";

    CasePublished asProfile() {
        return new CasePublished(caseId, ags, stateCode, topics, publishedAt);
    }
}
