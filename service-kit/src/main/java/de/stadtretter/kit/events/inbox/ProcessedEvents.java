package de.stadtretter.kit.events.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer record: the ids of handled events, stored in the table {@code processed_event} in the
 * same transaction as the handler's effect. A redelivered event is recognised and skipped.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} handles {@code eventId} now; {@code false} if it already did.
     * Must run inside the transaction that stores the effect.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return jdbc.sql("""
                insert into processed_event (consumer, event_id) values (:consumer, :id)
                on conflict do nothing""")
                .param("consumer", consumer)
                .param("id", eventId)
                .update() == 1;
    }
}
