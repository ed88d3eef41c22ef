package de.stadtretter.partner.profiles.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerStatus;
import de.stadtretter.partner.profiles.domain.ReviewPublications;
import de.stadtretter.partner.references.domain.ClaimPublications;
import de.stadtretter.partner.references.domain.Reference;

/**
 * Writes the workflow events of topic {@value #TOPIC} to the outbox, inside the caller's transaction: a profile was
 * reviewed, a reference was claimed. They tell the people who have to know (notification-service mails them) and
 * carry ids, names and the decision; never the editors' comment, never contact data. Key = partner id.
 */
@Component
public class ReviewEvents implements ReviewPublications, ClaimPublications {

    public static final String TOPIC = "partner.review.v1";
    public static final String PROFILE_REVIEWED_TYPE = "de.stadtretter.partner.profile.reviewed.v1";
    public static final String REFERENCE_CLAIMED_TYPE = "de.stadtretter.partner.reference.claimed.v1";

    /** {@code ProfileReviewed} v1; {@code decision} is VERIFIED or REJECTED. */
    public record ProfileReviewedV1(UUID partnerId, String partnerName, String decision, Instant reviewedAt) {}

    /** {@code ReferenceClaimed} v1: the town {@code caseAgs} is asked to decide. */
    public record ReferenceClaimedV1(UUID referenceId, UUID partnerId, String partnerName, UUID caseId,
            String caseTitle, String caseAgs, String role, Instant claimedAt, boolean claimedOnBehalf) {}

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final String source;

    public ReviewEvents(Outbox outbox, CloudEvents cloudEvents, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.source = kit.serviceName();
    }

    public static String schema(String type) {
        return "https://stadtretter.de/schemas/events/" + TOPIC + "/" + type + ".schema.json";
    }

    @Override
    public void reviewed(Partner partner, PartnerStatus decision, Instant at) {
        if (decision != PartnerStatus.VERIFIED && decision != PartnerStatus.REJECTED) {
            throw new IllegalArgumentException("not a review decision: " + decision);
        }
        append(PROFILE_REVIEWED_TYPE, partner.id(), partner.id(),
                new ProfileReviewedV1(partner.id(), partner.profile().name(), decision.name(), at));
    }

    @Override
    public void claimed(Reference r) {
        append(REFERENCE_CLAIMED_TYPE, r.partnerId(), r.id(), new ReferenceClaimedV1(r.id(), r.partnerId(),
                r.partnerName(), r.caseId(), r.caseTitle(), r.caseAgs(), r.role(), r.claimedAt(),
                r.claimedOnBehalf()));
    }

    private void append(String type, UUID partnerId, UUID subject, Object data) {
        outbox.append(TOPIC, partnerId.toString(), CloudEvent.create(source, type, subject.toString(), schema(type),
                cloudEvents.toTree(data)));
    }
}
