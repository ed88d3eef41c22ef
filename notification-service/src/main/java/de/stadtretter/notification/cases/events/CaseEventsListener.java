package de.stadtretter.notification.cases.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;

/**
 * Consumes {@code catalog.case.v1} idempotently: a published case is announced to its subscribers, a published
 * revision updates what the service knows of the case (no second mail; digests of updates come later), an archived
 * case gets no more mails (the kit's {@link InboundEvents}). Failures are left to the kit's
 * error handler: bounded retries, then the record goes to {@code catalog.case.v1-dlt}; malformed records go there
 * at once.
 */
@Component
public class CaseEventsListener {

    public static final String TOPIC = "catalog.case.v1";

    private final InboundEvents inbound;
    private final CasePublishedHandler handler;

    public CaseEventsListener(InboundEvents inbound, CasePublishedHandler handler) {
        this.inbound = inbound;
        this.handler = handler;
    }

    // the consumer group is spring.kafka.consumer.group-id (the service name), not the listener id
    @KafkaListener(id = "notification-case-events", idIsGroup = false, topics = TOPIC)
    public void on(String value) {
        inbound.handle(CasePublishedHandler.CONSUMER, value,
                new InboundEvents.Handler<>(CasePublished.TYPE, CasePublished.class, handler::handle),
                InboundEvents.on(CasePublished.UPDATED_TYPE, CasePublished.class, handler::updated),
                InboundEvents.on(CaseArchived.TYPE, CaseArchived.class, handler::archived));
    }
}
