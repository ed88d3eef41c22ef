package de.stadtretter.notification.workflow.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.partner.profile.reviewed.v1} (the producer's schema:
 * partner-service, events/partner.review.v1/): the Redaktion's decision on a profile, for the company.
 */
public record ProfileReviewed(@NotNull UUID partnerId, @NotBlank String partnerName, @NotNull Decision decision,
        @NotNull Instant reviewedAt) {

    public static final String TYPE = "de.stadtretter.partner.profile.reviewed.v1";

    public enum Decision { VERIFIED, REJECTED }
}
