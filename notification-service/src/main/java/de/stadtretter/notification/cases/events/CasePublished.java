package de.stadtretter.notification.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of {@code de.stadtretter.catalog.case.published.v1} (producer: catalog-service, topic
 * {@code catalog.case.v1}). Only the fields it needs; unknown ones are ignored (v1 grows additively).
 * {@code municipalityName} and {@code stateCode} may be null; data that lacks what a mail needs breaks the
 * constraints and is dead-lettered at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CasePublished(
        @NotNull UUID caseId,
        @NotBlank String title,
        @NotBlank String teaser,
        String ags,
        String municipalityName,
        String stateCode,
        @NotEmpty List<@NotBlank String> topics,
        Instant publishedAt,
        Instant updatedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";
    /** A published revision: the same data (the case's public projection), read into the same record. */
    public static final String UPDATED_TYPE = "de.stadtretter.catalog.case.updated.v1";
}
