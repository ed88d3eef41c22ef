package de.stadtretter.matching.partners.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** matching-service's own records of the reference events and of {@code PartnerRemoved} (partner.profile.v1). */
public final class PartnerReferenceEvents {

    private PartnerReferenceEvents() {
    }

    public static final String CONFIRMED_TYPE = "de.stadtretter.partner.reference.confirmed.v1";
    public static final String WITHDRAWN_TYPE = "de.stadtretter.partner.reference.withdrawn.v1";
    public static final String REMOVED_TYPE = "de.stadtretter.partner.profile.removed.v1";

    public record ReferenceConfirmed(@NotNull UUID referenceId, @NotNull UUID partnerId, @NotNull UUID caseId,
            @NotNull Instant confirmedAt) {}

    public record ReferenceWithdrawn(@NotNull UUID referenceId, @NotNull UUID partnerId) {}

    public record PartnerRemoved(@NotNull UUID partnerId) {}
}
