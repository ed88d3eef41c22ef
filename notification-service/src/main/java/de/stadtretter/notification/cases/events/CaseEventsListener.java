package de.stadtretter.notification.cases.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;

/**
 * Consumes {@code catalog.case.v1}. Failures are left to the kit's error handler: bounded retries, then the
 * record goes to {@code catalog.case.v1-dlt}; malformed records go there at once.
 */
@Component
public class CaseEventsListener {

    public static final String TOPIC = "catalog.case.v1";

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    private final CloudEvents cloudEvents;
    private final CasePublishedHandler handler;

    public CaseEventsListener(CloudEvents cloudEvents, CasePublishedHandler handler) {
        this.cloudEvents = cloudEvents;
        this.handler = handler;
    }

    @KafkaListener(id = "notification-case-events", topics = TOPIC)
    public void on(String value) {
        CloudEvent event = cloudEvents.parse(value);
        if (!CasePublished.TYPE.equals(event.type())) {
            handler.ignore(event.id());
            log.debug("Ignored event {} of type {}", event.id(), event.type());
            return;
        }
        CasePublished published = cloudEvents.data(event, CasePublished.class).requireComplete(event.id());
        handler.handle(event.id(), published);
    }
}
