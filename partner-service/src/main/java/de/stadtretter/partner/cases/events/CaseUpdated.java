package de.stadtretter.partner.cases.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * partner-service's own view of catalog-service's {@code de.stadtretter.catalog.case.updated.v1} event (a published
 * revision): the same few fields as {@link CasePublished}, so that the case's title stays current.
 */
public record CaseUpdated(@NotNull UUID caseId, @NotBlank String title, @NotBlank String ags,
        @NotNull Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.updated.v1";
}
