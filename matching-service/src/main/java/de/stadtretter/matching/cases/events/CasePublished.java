package de.stadtretter.matching.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * matching-service's own view of catalog-service's {@code de.stadtretter.catalog.case.published.v1} event: what
 * it needs to match cases to needs (topics) and to towns like the owner's (AGS, Land). Data that breaks the
 * constraints is dead-lettered at once.
 */
public record CasePublished(@NotNull UUID caseId, @NotBlank String ags, String stateCode,
        @NotEmpty List<@NotBlank String> topics, @NotNull Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";
    /** A published revision: the same data (the case's public projection), read into the same record. */
    public static final String UPDATED_TYPE = "de.stadtretter.catalog.case.updated.v1";
}
