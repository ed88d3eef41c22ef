package de.stadtretter.matching.cases.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * matching-service's own record of the data of {@code de.stadtretter.catalog.case.archived.v1} (the producer's
 * schema: catalog-service, events/catalog.case.v1/): the case left the public catalogue.
 */
public record CaseArchived(@NotNull UUID caseId, @NotNull Instant archivedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.archived.v1";
}
