package de.stadtretter.kit.events.inbox;

import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The idempotent-consumer pattern in one call: parse the record value as a CloudEvent, skip other types,
 * and apply the effect in the same transaction that records the event id, so a redelivery has no effect.
 * A value that is not a usable event throws {@link de.stadtretter.kit.events.MalformedEventException}, which the
 * kit's error handler sends to the dead-letter topic at once.
 * Counts every outcome in {@code stadtretter.events.received} (tags {@code consumer} and {@code outcome}:
 * {@code applied}, {@code duplicate} or {@code ignored}).
 */
public class InboundEvents {

    private final CloudEvents cloudEvents;
    private final ProcessedEvents processedEvents;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    public InboundEvents(CloudEvents cloudEvents, ProcessedEvents processedEvents, TransactionTemplate tx,
            MeterRegistry meters) {
        this.cloudEvents = cloudEvents;
        this.processedEvents = processedEvents;
        this.tx = tx;
        this.meters = meters;
    }

    /**
     * Handles {@code recordValue} if it is an event of {@code type}.
     *
     * @return {@code true} if the effect ran now; {@code false} for another type or an event handled before
     */
    public <T> boolean handle(String consumer, String recordValue, String type, Class<T> dataType,
            Consumer<T> effect) {
        CloudEvent event = cloudEvents.parse(recordValue);
        if (!type.equals(event.type())) {
            count(consumer, "ignored");
            return false;
        }
        T data = cloudEvents.data(event, dataType);
        Boolean applied = tx.execute(status -> {
            if (!processedEvents.firstDelivery(consumer, event.id())) {
                return false;
            }
            effect.accept(data);
            return true;
        });
        boolean ran = Boolean.TRUE.equals(applied);
        count(consumer, ran ? "applied" : "duplicate");
        return ran;
    }

    private void count(String consumer, String outcome) {
        meters.counter("stadtretter.events.received", "consumer", consumer, "outcome", outcome).increment();
    }
}
