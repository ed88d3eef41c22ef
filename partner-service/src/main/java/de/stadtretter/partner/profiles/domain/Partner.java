package de.stadtretter.partner.profiles.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner company's profile with its offerings, as stored. */
public record Partner(UUID id, PartnerStatus status, PartnerProfile profile, List<Offering> offerings,
        String reviewComment, boolean demo, long version, Instant createdAt, Instant updatedAt, Instant verifiedAt) {

    public Partner {
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }

    public boolean isPublic() {
        return status == PartnerStatus.VERIFIED;
    }

    public Partner withOfferings(List<Offering> newOfferings) {
        return new Partner(id, status, profile, newOfferings, reviewComment, demo, version, createdAt, updatedAt,
                verifiedAt);
    }
}
