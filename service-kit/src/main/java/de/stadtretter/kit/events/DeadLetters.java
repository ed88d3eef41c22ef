package de.stadtretter.kit.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bounded retries, then the record goes to {@code <topic>-dlt} with the failure in its headers (Spring Kafka's
 * {@code kafka_dlt-*} headers, including the consumer group) and the partition moves on. Records that can never
 * succeed ({@link MalformedEventException}) skip the retries.
 */
public final class DeadLetters {

    public static final String SUFFIX = "-dlt";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MeterRegistry meters,
            int maxRetries, long initialIntervalMs) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception ex) -> {
                    meters.counter("stadtretter.kafka.dead_letters", "topic", record.topic()).increment();
                    log.warn("Record {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                            record.offset(), rootMessage(ex));
                    return new TopicPartition(topicFor(record.topic()), -1);
                });
        ExponentialBackOff backOff = new ExponentialBackOff(initialIntervalMs, 2.0);
        backOff.setMaxAttempts(maxRetries);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
