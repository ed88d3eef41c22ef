package de.stadtretter.catalog.partners.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * catalog-service's own record of {@code de.stadtretter.partner.profile.published.v1} and {@code .updated.v1}
 * (the producer's schemas: partner-service, events/partner.profile.v1/): the partner's name and its confirmed
 * references, nothing else.
 */
public record PartnerPublished(@NotNull UUID partnerId, @NotBlank String name,
        @NotNull List<@NotNull @Valid ConfirmedReference> confirmedReferences) {

    public static final String TYPE = "de.stadtretter.partner.profile.published.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.partner.profile.updated.v1";

    public record ConfirmedReference(@NotNull UUID referenceId, @NotNull UUID caseId, @NotBlank String role,
            @NotNull Instant confirmedAt) {}
}
