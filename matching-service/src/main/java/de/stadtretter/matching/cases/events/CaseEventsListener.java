package de.stadtretter.matching.cases.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.matching.cases.domain.CaseProfiles;

/** Keeps the matchable case profiles current from {@code catalog.case.v1}: revised cases are
 * matched by their new topics, archived cases are no longer matched. */
@Component
class CaseEventsListener {

    static final String CONSUMER = "matching-service.case-published";

    private final InboundEvents inbound;
    private final CaseProfiles profiles;

    CaseEventsListener(InboundEvents inbound, CaseProfiles profiles) {
        this.inbound = inbound;
        this.profiles = profiles;
    }

    // the consumer group is spring.kafka.consumer.group-id (the service name), not the listener id
    @KafkaListener(id = "matching-case-events", idIsGroup = false, topics = "catalog.case.v1")
    void on(String value) {
        inbound.handle(CONSUMER, value,
                InboundEvents.on(CasePublished.TYPE, CasePublished.class, profiles::record),
                InboundEvents.on(CasePublished.UPDATED_TYPE, CasePublished.class, profiles::record),
                InboundEvents.on(CaseArchived.TYPE, CaseArchived.class, event -> profiles.forget(event.caseId())));
    }
}
