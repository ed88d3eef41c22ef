package de.stadtretter.notification.partners.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.notification.partners.delivery.ContactMails;

/**
 * Consumes contact requests ({@code partner.contact.v1}: one mail each, queued once however often the event comes)
 * and removed partners ({@code partner.profile.v1}: what this service kept of them goes; the other types of that
 * topic are none of its business and skipped).
 */
@Component
public class PartnerEventsListener {

    static final String CONTACT_CONSUMER = "notification-service.partner-contact";
    static final String PROFILE_CONSUMER = "notification-service.partner-profile";

    private final InboundEvents inbound;
    private final ContactMails mails;
    private final PartnerItems items;

    public PartnerEventsListener(InboundEvents inbound, ContactMails mails, PartnerItems items) {
        this.inbound = inbound;
        this.mails = mails;
        this.items = items;
    }

    // the consumer group is spring.kafka.consumer.group-id (the service name), not the listener id
    @KafkaListener(id = "notification-partner-contact", idIsGroup = false, topics = "partner.contact.v1")
    public void onContact(String value) {
        inbound.handle(CONTACT_CONSUMER, value,
                new InboundEvents.Handler<>(ContactRequested.TYPE, ContactRequested.class, mails::queue));
    }

    @KafkaListener(id = "notification-partner-profile", idIsGroup = false, topics = "partner.profile.v1")
    public void onProfile(String value) {
        inbound.handle(PROFILE_CONSUMER, value,
                InboundEvents.on(PartnerRemoved.TYPE, PartnerRemoved.class, removed -> {
                    mails.partnerRemoved(removed);
                    items.removed(removed);
                }),
                InboundEvents.on(PartnerProfile.PUBLISHED_TYPE, PartnerProfile.class, items::published),
                InboundEvents.on(PartnerProfile.UPDATED_TYPE, PartnerProfile.class, items::updated));
    }
}
