package de.stadtretter.partner.profiles.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.stadtretter.partner.profiles.domain.Offering;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.references.domain.Reference;

/**
 * The public projection of a verified profile in {@code PartnerPublished}/{@code PartnerUpdated} v1: everything the
 * directory shows, with the confirmed references; never the contact person or the review comment.
 */
public record PartnerProjectionV1(UUID partnerId, String name, String legalForm, String description, String website,
        String logoUrl, List<String> topics, List<String> regions, String size, List<OfferingV1> offerings,
        List<ReferenceV1> confirmedReferences, boolean demo, Instant verifiedAt, Instant updatedAt) {

    public record OfferingV1(UUID offeringId, String title, String description, List<String> topics,
            List<String> regions, String priceModel) {}

    public record ReferenceV1(UUID referenceId, UUID caseId, String role, Instant confirmedAt) {}

    static PartnerProjectionV1 of(Partner p, List<Reference> confirmed) {
        var profile = p.profile();
        return new PartnerProjectionV1(p.id(), profile.name(), profile.legalForm(), profile.description(),
                profile.website(), profile.logoUrl(), profile.topics(), profile.regions(),
                profile.size() == null ? null : profile.size().name(),
                p.offerings().stream().map(PartnerProjectionV1::offering).toList(),
                confirmed.stream().map(r -> new ReferenceV1(r.id(), r.caseId(), r.role(), r.decidedAt())).toList(),
                p.demo(), p.verifiedAt(), p.updatedAt());
    }

    private static OfferingV1 offering(Offering o) {
        return new OfferingV1(o.id(), o.title(), o.description(), o.topics(), o.regions(), o.priceModel());
    }
}
