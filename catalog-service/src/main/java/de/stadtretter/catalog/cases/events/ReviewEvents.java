package de.stadtretter.catalog.cases.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.catalog.cases.domain.ReviewPublications;
import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;

/**
 * Writes {@code CaseReviewed} to topic {@value #TOPIC} through the outbox, inside the caller's transaction: the
 * decision on a submitted case or revision, for its author. Key and subject are the case id.
 */
@Component
public class ReviewEvents implements ReviewPublications {

    public static final String TOPIC = "catalog.review.v1";
    public static final String REVIEWED_TYPE = "de.stadtretter.catalog.case.reviewed.v1";
    public static final String REVIEWED_SCHEMA =
            "https://stadtretter.de/schemas/events/" + TOPIC + "/" + REVIEWED_TYPE + ".schema.json";

    /** {@code CaseReviewed} v1. */
    public record CaseReviewedV1(UUID caseId, String title, String ags, String authorSubject, boolean revision,
            String decision, Instant decidedAt) {}

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final String source;

    public ReviewEvents(Outbox outbox, CloudEvents cloudEvents, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.source = kit.serviceName();
    }

    @Override
    public void reviewed(CaseReview r) {
        CaseReviewedV1 data = new CaseReviewedV1(r.caseId(), r.title(), r.ags(), r.author(), r.revision(),
                r.decision().name(), r.decidedAt());
        outbox.append(TOPIC, r.caseId().toString(), CloudEvent.create(source, REVIEWED_TYPE, r.caseId().toString(),
                REVIEWED_SCHEMA, cloudEvents.toTree(data)));
    }
}
