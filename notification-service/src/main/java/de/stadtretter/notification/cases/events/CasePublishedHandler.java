package de.stadtretter.notification.cases.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.events.inbox.ProcessedEvents;
import de.stadtretter.notification.cases.delivery.DeliveriesQueued;
import de.stadtretter.notification.cases.delivery.MailDeliveries;

/**
 * The effect of a published case, in one transaction with the record that the event was handled: the case is
 * remembered and one mail is queued per confirmed subscription with a common topic. The dispatcher is woken up
 * after the commit.
 */
@Service
public class CasePublishedHandler {

    public static final String CONSUMER = "notification-service.case-published";

    private static final Logger log = LoggerFactory.getLogger(CasePublishedHandler.class);

    private final ProcessedEvents processedEvents;
    private final MailDeliveries deliveries;
    private final ApplicationEventPublisher events;

    public CasePublishedHandler(ProcessedEvents processedEvents, MailDeliveries deliveries,
            ApplicationEventPublisher events) {
        this.processedEvents = processedEvents;
        this.deliveries = deliveries;
        this.events = events;
    }

    /** @return the number of mails queued (0 for a redelivered event) */
    @Transactional
    public int handle(String eventId, CasePublished published) {
        if (!processedEvents.firstDelivery(CONSUMER, eventId)) {
            log.info("Event {} was handled before; skipped", eventId);
            return 0;
        }
        deliveries.rememberCase(published.caseId(), published.title(), published.teaser(), published.ags(),
                published.municipalityName(), published.stateCode(), published.topics(), published.publishedAt());
        int queued = deliveries.queueForSubscribers(eventId, published.caseId(),
                "Neues Praxisbeispiel: " + published.title(), published.topics());
        log.info("Case {} published (event {}): {} mails queued", published.caseId(), eventId, queued);
        if (queued > 0) {
            events.publishEvent(new DeliveriesQueued(queued));
        }
        return queued;
    }

    /** Events of other types need nothing from this service; they are recorded as handled all the same. */
    @Transactional
    public void ignore(String eventId) {
        processedEvents.firstDelivery(CONSUMER, eventId);
    }
}
