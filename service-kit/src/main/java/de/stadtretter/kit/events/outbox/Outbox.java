package de.stadtretter.kit.events.outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.tracing.TraceContexts;

/**
 * The transactional outbox: an event is stored in the table {@code outbox_event} in the same database
 * transaction as the change it reports, and {@link OutboxRelay} sends it to Kafka after the commit.
 */
public class Outbox {

    /** Published after an append; the relay wakes up once the transaction has committed. */
    public record Appended(String topic) {}

    private final JdbcClient jdbc;
    private final CloudEvents cloudEvents;
    private final ApplicationEventPublisher publisher;
    private final TraceContexts traces;

    public Outbox(JdbcClient jdbc, CloudEvents cloudEvents, ApplicationEventPublisher publisher, TraceContexts traces) {
        this.jdbc = jdbc;
        this.cloudEvents = cloudEvents;
        this.publisher = publisher;
        this.traces = traces;
    }

    /**
     * Stores the event for {@code topic} with record key {@code key}; must run inside the change's transaction.
     * The current trace (the request that made the change) is stored with it, and the relay continues it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, CloudEvent event) {
        jdbc.sql("""
                insert into outbox_event (event_id, topic, message_key, event_type, payload, trace_parent)
                values (:id, :topic, :key, :type, :payload, :traceParent)""")
                .param("id", event.id())
                .param("topic", topic)
                .param("key", key)
                .param("type", event.type())
                .param("payload", cloudEvents.write(event))
                .param("traceParent", traces.current())
                .update();
        publisher.publishEvent(new Appended(topic));
    }
}
