package de.stadtretter.notification.workflow.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.notification.workflow.delivery.WorkflowMails;

/**
 * Consumes the editorial workflow's decisions and requests ({@code catalog.review.v1}, {@code partner.review.v1}):
 * each becomes one mail per recipient, queued once however often the event comes.
 */
@Component
public class WorkflowEventsListener {

    static final String CATALOG_CONSUMER = "notification-service.catalog-review";
    static final String PARTNER_CONSUMER = "notification-service.partner-review";

    private final InboundEvents inbound;
    private final WorkflowMails mails;

    public WorkflowEventsListener(InboundEvents inbound, WorkflowMails mails) {
        this.inbound = inbound;
        this.mails = mails;
    }

    @KafkaListener(id = "notification-catalog-review", idIsGroup = false, topics = "catalog.review.v1")
    public void onCaseReview(String value) {
        inbound.handle(CATALOG_CONSUMER, value,
                new InboundEvents.Handler<>(CaseReviewed.TYPE, CaseReviewed.class, mails::caseReviewed));
    }

    @KafkaListener(id = "notification-partner-review", idIsGroup = false, topics = "partner.review.v1")
    public void onPartnerReview(String value) {
        inbound.handle(PARTNER_CONSUMER, value,
                new InboundEvents.Handler<>(ProfileReviewed.TYPE, ProfileReviewed.class, mails::profileReviewed),
                new InboundEvents.Handler<>(ReferenceClaimed.TYPE, ReferenceClaimed.class, mails::referenceClaimed));
    }
}
