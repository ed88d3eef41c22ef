package de.stadtretter.notification.cases.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.notification.cases.delivery.DeliveriesQueued;
import de.stadtretter.notification.cases.delivery.MailDeliveries;

/**
 * The effect of a published case, run by {@link de.stadtretter.kit.events.inbox.InboundEvents} in one transaction
 * with the record that the event was handled: the case is remembered and one mail is queued per confirmed
 * subscription with a common topic. The dispatcher is woken up after the commit.
 */
@Service
public class CasePublishedHandler {

    public static final String CONSUMER = "notification-service.case-published";

    private static final Logger log = LoggerFactory.getLogger(CasePublishedHandler.class);

    private final MailDeliveries deliveries;
    private final ApplicationEventPublisher events;

    public CasePublishedHandler(MailDeliveries deliveries, ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.events = events;
    }

    /** An archived case: no more mails about it (those still waiting are cancelled). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void archived(CaseArchived archived) {
        int cancelled = deliveries.caseArchived(archived.caseId(), archived.archivedAt());
        log.info("Case {} archived: {} waiting mails cancelled", archived.caseId(), cancelled);
    }

    /** A published revision: the case as the service knows it is brought up to date; no mail is sent for it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(CasePublished updated) {
        deliveries.rememberCase(updated.caseId(), updated.title(), updated.teaser(), updated.ags(),
                updated.municipalityName(), updated.stateCode(), updated.topics(), updated.publishedAt());
        log.info("Case {} revised: known case updated, no mail", updated.caseId());
    }

    /** Must run in the transaction that records {@code eventId} as handled; returns the number of mails queued. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int handle(String eventId, CasePublished published) {
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
}
