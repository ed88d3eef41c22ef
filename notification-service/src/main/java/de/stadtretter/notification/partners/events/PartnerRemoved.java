package de.stadtretter.notification.partners.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.partner.profile.removed.v1} (partner-service,
 * events/partner.profile.v1/): the profile is gone or no longer public.
 */
public record PartnerRemoved(@NotNull UUID partnerId, @NotNull Instant removedAt) {

    public static final String TYPE = "de.stadtretter.partner.profile.removed.v1";
}
