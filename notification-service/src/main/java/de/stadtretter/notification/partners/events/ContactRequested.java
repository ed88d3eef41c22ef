package de.stadtretter.notification.partners.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import de.stadtretter.kit.web.text.MultilineText;

/**
 * notification-service's own record of {@code de.stadtretter.partner.contact.requested.v1} (the producer's schema:
 * partner-service, events/partner.contact.v1/): what the mail to the partner needs.
 */
public record ContactRequested(@NotNull UUID requestId, @NotNull UUID partnerId, @NotBlank String partnerName,
        @NotBlank String recipientName, @NotBlank String recipientEmail, @NotBlank String senderName,
        @NotBlank String senderEmail, String senderOrganisationName, @NotBlank String subject,
        @NotBlank @MultilineText String message, @NotNull Instant requestedAt) {

    public static final String TYPE = "de.stadtretter.partner.contact.requested.v1";

    @Override
    public String toString() {
        return "ContactRequested[requestId=" + requestId + ", partnerId=" + partnerId + "]";
    }
}
