package de.stadtretter.notification.needs.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.notification.needs.delivery.MatchMails;

/**
 * Consumes matches ({@code matching.match.v1}: one mail per watcher of the need, queued once however often the event
 * comes) and closed needs ({@code matching.need.v1}: the watches go; the other types of that topic are skipped).
 */
@Component
public class MatchEventsListener {

    static final String MATCH_CONSUMER = "notification-service.matching-match";
    static final String NEED_CONSUMER = "notification-service.matching-need";

    private final InboundEvents inbound;
    private final MatchMails mails;
    private final NeedItems items;

    public MatchEventsListener(InboundEvents inbound, MatchMails mails, NeedItems items) {
        this.inbound = inbound;
        this.mails = mails;
        this.items = items;
    }

    @KafkaListener(id = "notification-matching-match", idIsGroup = false, topics = "matching.match.v1")
    public void onMatch(String value) {
        inbound.handle(MATCH_CONSUMER, value,
                new InboundEvents.Handler<>(MatchFound.TYPE, MatchFound.class, mails::queue));
    }

    @KafkaListener(id = "notification-matching-need", idIsGroup = false, topics = "matching.need.v1")
    public void onNeed(String value) {
        inbound.handle(NEED_CONSUMER, value,
                InboundEvents.on(NeedClosed.TYPE, NeedClosed.class, closed -> {
                    mails.needClosed(closed);
                    items.closed(closed);
                }),
                InboundEvents.on(NeedPublished.OPENED_TYPE, NeedPublished.class, items::changed),
                InboundEvents.on(NeedPublished.UPDATED_TYPE, NeedPublished.class, items::changed));
    }
}
