package de.stadtretter.notification.partners.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.partner.profile.published.v1} and
 * {@code ...profile.updated.v1} (partner-service, events/partner.profile.v1/): a verified, public profile, as far as
 * a digest shows it. {@code regions} are state codes or DE (nationwide).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerProfile(
        @NotNull UUID partnerId,
        @NotBlank String name,
        @NotBlank String description,
        @NotNull List<@NotBlank String> topics,
        @NotNull List<@NotBlank String> regions,
        @NotNull Instant verifiedAt,
        Instant updatedAt) {

    public static final String PUBLISHED_TYPE = "de.stadtretter.partner.profile.published.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.partner.profile.updated.v1";
}
