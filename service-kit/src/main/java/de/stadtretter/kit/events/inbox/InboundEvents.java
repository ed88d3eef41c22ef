package de.stadtretter.kit.events.inbox;

import java.util.Comparator;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The idempotent-consumer pattern in one call: parse the record value as a CloudEvent, map its data to the
 * consumer's own record and check that record's Bean Validation constraints, then apply the effect in the same
 * transaction that records the event id, so a redelivery has no effect. Events of other types are recorded as
 * handled and skipped. A value that is not a usable event, or data that breaks the record's constraints, throws
 * {@link MalformedEventException}, which the kit's error handler sends to the dead-letter topic at once.
 * Counts every outcome in {@code stadtretter.events.received} (tags {@code consumer} and {@code outcome}:
 * {@code applied}, {@code duplicate} or {@code ignored}).
 */
public class InboundEvents {

    private final CloudEvents cloudEvents;
    private final ProcessedEvents processedEvents;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Validator validator;

    public InboundEvents(CloudEvents cloudEvents, ProcessedEvents processedEvents, TransactionTemplate tx,
            MeterRegistry meters, Validator validator) {
        this.cloudEvents = cloudEvents;
        this.processedEvents = processedEvents;
        this.tx = tx;
        this.meters = meters;
        this.validator = validator;
    }

    /**
     * Handles {@code recordValue} if it is an event of {@code type}.
     *
     * @return {@code true} if the effect ran now; {@code false} for another type or an event handled before
     */
    public <T> boolean handle(String consumer, String recordValue, String type, Class<T> dataType,
            Consumer<T> effect) {
        return handle(consumer, recordValue, type, dataType, (eventId, data) -> effect.accept(data));
    }

    /** As {@link #handle(String, String, String, Class, Consumer)}, for effects that need the event id too. */
    public <T> boolean handle(String consumer, String recordValue, String type, Class<T> dataType,
            BiConsumer<String, T> effect) {
        return handle(consumer, recordValue, new Handler<>(type, dataType, effect));
    }

    /** What to do with the events of one type: map the data to {@code dataType}, validate it, run the effect. */
    public record Handler<T>(String type, Class<T> dataType, BiConsumer<String, T> effect) {}

    public static <T> Handler<T> on(String type, Class<T> dataType, Consumer<T> effect) {
        return new Handler<>(type, dataType, (eventId, data) -> effect.accept(data));
    }

    /**
     * Handles {@code recordValue} with the handler for its type (one listener for all the types of a topic it
     * needs); events of other types are recorded and skipped.
     *
     * @return {@code true} if an effect ran now
     */
    public boolean handle(String consumer, String recordValue, Handler<?>... handlers) {
        CloudEvent event = cloudEvents.parse(recordValue);
        for (Handler<?> handler : handlers) {
            if (handler.type().equals(event.type())) {
                return apply(consumer, event, handler);
            }
        }
        tx.executeWithoutResult(status -> processedEvents.firstDelivery(consumer, event.id()));
        count(consumer, "ignored");
        return false;
    }

    private <T> boolean apply(String consumer, CloudEvent event, Handler<T> handler) {
        BiConsumer<String, T> effect = handler.effect();
        T data = valid(event, cloudEvents.data(event, handler.dataType()));
        Boolean applied = tx.execute(status -> {
            if (!processedEvents.firstDelivery(consumer, event.id())) {
                return false;
            }
            effect.accept(event.id(), data);
            return true;
        });
        boolean ran = Boolean.TRUE.equals(applied);
        count(consumer, ran ? "applied" : "duplicate");
        return ran;
    }

    private <T> T valid(CloudEvent event, T data) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("Data of event " + event.id() + " is unusable: "
                    + violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.joining(", ")));
        }
        return data;
    }

    private void count(String consumer, String outcome) {
        meters.counter("stadtretter.events.received", "consumer", consumer, "outcome", outcome).increment();
    }
}
