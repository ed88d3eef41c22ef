package de.stadtretter.notification.workflow.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.catalog.case.reviewed.v1} (the producer's schema:
 * catalog-service, events/catalog.review.v1/): the Redaktion's decision, for the author.
 */
public record CaseReviewed(@NotNull UUID caseId, @NotBlank String title, @NotBlank String ags,
        @NotBlank String authorSubject, boolean revision, @NotNull Decision decision, @NotNull Instant decidedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.reviewed.v1";

    public enum Decision { CHANGES_REQUESTED, PUBLISHED }
}
