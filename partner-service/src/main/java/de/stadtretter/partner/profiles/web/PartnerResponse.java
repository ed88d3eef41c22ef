package de.stadtretter.partner.profiles.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.stadtretter.partner.profiles.domain.CompanySize;
import de.stadtretter.partner.profiles.domain.Offering;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerAccess;
import de.stadtretter.partner.profiles.domain.PartnerStatus;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.web.ReferenceResponse;

/**
 * A profile as the API shows it. {@code contact} only for logged-in members, {@code reviewComment} only for the
 * company and the Redaktion; {@code references} are the confirmed ones (the evidence).
 */
public record PartnerResponse(UUID id, PartnerStatus status, String name, String legalForm, String description,
        String website, String logoUrl, List<String> topics, List<String> regions, CompanySize size,
        ContactResponse contact, List<OfferingResponse> offerings, int confirmedReferences,
        List<ReferenceResponse> references, String reviewComment, boolean demo, long version, Instant createdAt,
        Instant updatedAt, Instant verifiedAt) {

    public record ContactResponse(String name, String email, String phone) {}

    public record OfferingResponse(UUID id, String title, String description, List<String> topics,
            List<String> regions, String priceModel) {

        static OfferingResponse of(Offering o) {
            return new OfferingResponse(o.id(), o.title(), o.description(), o.topics(), o.regions(), o.priceModel());
        }
    }

    static PartnerResponse of(Partner p, List<Reference> confirmed, CurrentUser user) {
        var profile = p.profile();
        var contact = PartnerAccess.canSeeContact(user, p) ? new ContactResponse(profile.contact().name(),
                profile.contact().email(), profile.contact().phone()) : null;
        boolean involved = PartnerAccess.canChange(user, p.id());
        return new PartnerResponse(p.id(), p.status(), profile.name(), profile.legalForm(), profile.description(),
                profile.website(), profile.logoUrl(), profile.topics(), profile.regions(), profile.size(), contact,
                p.offerings().stream().map(OfferingResponse::of).toList(), confirmed.size(),
                confirmed.stream().map(ReferenceResponse::of).toList(), involved ? p.reviewComment() : null, p.demo(),
                p.version(), p.createdAt(), p.updatedAt(), p.verifiedAt());
    }
}
