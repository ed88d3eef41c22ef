package de.stadtretter.partner.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * partner-service's own view of catalog-service's {@code de.stadtretter.catalog.case.published.v1} event: only
 * what it needs to know which published cases exist (partner references are checked against them; a reference on
 * the queried topic weighs more in the directory).
 * Data that breaks the constraints is dead-lettered at once.
 */
public record CasePublished(@NotNull UUID caseId, @NotBlank String title, @NotBlank String ags,
        List<@NotBlank String> topics, @NotNull Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";
    /** A published revision: the same data (the case's public projection), read into the same record. */
    public static final String UPDATED_TYPE = "de.stadtretter.catalog.case.updated.v1";
}
