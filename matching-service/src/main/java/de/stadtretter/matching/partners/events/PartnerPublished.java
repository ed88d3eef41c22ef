package de.stadtretter.matching.partners.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.stadtretter.kit.web.text.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * matching-service's own record of {@code de.stadtretter.partner.profile.published.v1} and {@code .updated.v1}
 * (partner-service, events/partner.profile.v1/): what recommending a partner needs (its public text, topics,
 * regions and confirmed references).
 */
public record PartnerPublished(@NotNull UUID partnerId, @NotBlank String name, @MultilineText String description,
        @NotNull List<@NotBlank String> topics, @NotNull List<@NotBlank String> regions,
        List<@NotNull @Valid Offering> offerings, @NotNull List<@NotNull @Valid ConfirmedReference> confirmedReferences) {

    public static final String TYPE = "de.stadtretter.partner.profile.published.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.partner.profile.updated.v1";

    public record Offering(String title, @MultilineText String description, List<@NotBlank String> topics,
            List<@NotBlank String> regions) {}

    public record ConfirmedReference(@NotNull UUID referenceId, @NotNull UUID caseId, @NotNull Instant confirmedAt) {}
}
