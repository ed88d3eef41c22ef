package de.stadtretter.partner.references.web;

import java.time.Instant;
import java.util.UUID;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.domain.ReferenceStatus;

/**
 * A reference as the API shows it: the case with its title and municipality, the partner's role, the status and
 * who decided, and whether the Redaktion acted on someone's behalf. {@code caseTitle} is {@code null} once the case
 * left the catalogue.
 */
public record ReferenceResponse(UUID id, UUID partnerId, String partnerName, UUID caseId, String caseTitle,
        String ags, String municipality, String role, ReferenceStatus status, Instant claimedAt,
        boolean claimedOnBehalf, Instant decidedAt, boolean decidedOnBehalf) {

    public static ReferenceResponse of(Reference r) {
        return new ReferenceResponse(r.id(), r.partnerId(), r.partnerName(), r.caseId(), r.caseTitle(), r.caseAgs(),
                municipality(r.caseAgs()), r.role(), r.status(), r.claimedAt(), r.claimedOnBehalf(), r.decidedAt(),
                r.decidedOnBehalf());
    }

    /** The municipality's name from the Destatis list ("Flensburg, Stadt"), or {@code null}. */
    public static String municipality(String ags) {
        return ags == null ? null
                : ReferenceData.get().municipality(ags).map(ReferenceData.Municipality::name).orElse(null);
    }
}
