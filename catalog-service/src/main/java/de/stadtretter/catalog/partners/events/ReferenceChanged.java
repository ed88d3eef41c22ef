package de.stadtretter.catalog.partners.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * catalog-service's own records of the reference events of {@code partner.profile.v1} (partner-service's schemas
 * {@code de.stadtretter.partner.reference.confirmed.v1} and {@code .withdrawn.v1}) and of {@code PartnerRemoved}.
 */
public final class ReferenceChanged {

    private ReferenceChanged() {
    }

    public static final String CONFIRMED_TYPE = "de.stadtretter.partner.reference.confirmed.v1";
    public static final String WITHDRAWN_TYPE = "de.stadtretter.partner.reference.withdrawn.v1";
    public static final String REMOVED_TYPE = "de.stadtretter.partner.profile.removed.v1";

    public record ReferenceConfirmed(@NotNull UUID referenceId, @NotNull UUID partnerId,
            @NotBlank String partnerName, @NotNull UUID caseId,
            @NotBlank String role, @NotNull Instant confirmedAt) {}

    public record ReferenceWithdrawn(@NotNull UUID referenceId, @NotNull UUID partnerId) {}

    public record PartnerRemoved(@NotNull UUID partnerId) {}
}
