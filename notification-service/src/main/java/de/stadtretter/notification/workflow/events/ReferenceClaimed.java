package de.stadtretter.notification.workflow.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.partner.reference.claimed.v1} (the producer's schema:
 * partner-service, events/partner.review.v1/): the town {@code caseAgs} is asked to decide on a claim.
 */
public record ReferenceClaimed(@NotNull UUID referenceId, @NotNull UUID partnerId, @NotBlank String partnerName,
        @NotNull UUID caseId, @NotBlank String caseTitle, @NotBlank String caseAgs, @NotBlank String role,
        @NotNull Instant claimedAt, boolean claimedOnBehalf) {

    public static final String TYPE = "de.stadtretter.partner.reference.claimed.v1";
}
