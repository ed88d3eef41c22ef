package de.stadtretter.notification.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of {@code de.stadtretter.catalog.case.updated.v1} (a published revision; producer:
 * catalog-service, topic {@code catalog.case.v1}): the same fields as {@link CasePublished}, to keep what the
 * service knows of the case current. Unknown properties are ignored (v1 grows additively).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseUpdated(
        @NotNull UUID caseId,
        @NotBlank String title,
        @NotBlank String teaser,
        String ags,
        String municipalityName,
        String stateCode,
        @NotEmpty List<@NotBlank String> topics,
        Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.updated.v1";
}
