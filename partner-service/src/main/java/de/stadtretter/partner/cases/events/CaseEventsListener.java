package de.stadtretter.partner.cases.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.partner.cases.domain.PublishedCases;
import de.stadtretter.partner.references.domain.ReferenceService;

/** Keeps the list of published cases current from {@code catalog.case.v1}: published ones in, revised ones
 * updated, archived ones out. Partners with references to the case are marked changed for the directory. */
@Component
class CaseEventsListener {

    static final String CONSUMER = "partner-service.case-published";

    private final InboundEvents inbound;
    private final PublishedCases publishedCases;
    private final ReferenceService references;

    CaseEventsListener(InboundEvents inbound, PublishedCases publishedCases, ReferenceService references) {
        this.inbound = inbound;
        this.publishedCases = publishedCases;
        this.references = references;
    }

    // the consumer group is spring.kafka.consumer.group-id (the service name), not the listener id
    @KafkaListener(id = "partner-case-events", idIsGroup = false, topics = "catalog.case.v1")
    void on(String value) {
        inbound.handle(CONSUMER, value,
                InboundEvents.on(CasePublished.TYPE, CasePublished.class, this::record),
                InboundEvents.on(CasePublished.UPDATED_TYPE, CasePublished.class, this::record),
                InboundEvents.on(CaseArchived.TYPE, CaseArchived.class, event -> {
                    publishedCases.forget(event.caseId());
                    references.caseChanged(event.caseId());
                }));
    }

    private void record(CasePublished event) {
        publishedCases.record(event.caseId(), event.title(), event.ags(), event.topics(), event.publishedAt());
        references.caseChanged(event.caseId());
    }
}
