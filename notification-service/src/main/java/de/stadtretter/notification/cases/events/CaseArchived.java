package de.stadtretter.notification.cases.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of {@code de.stadtretter.catalog.case.archived.v1} (producer: catalog-service): the case
 * left the public catalogue.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseArchived(@NotNull UUID caseId, Instant archivedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.archived.v1";
}
