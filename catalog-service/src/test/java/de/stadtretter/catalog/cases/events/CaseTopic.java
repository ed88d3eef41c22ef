package de.stadtretter.catalog.cases.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads everything that arrives on {@code catalog.case.v1} (from the beginning, own consumer group) and keeps it,
 * so tests can look for the records of their own cases.
 */
final class CaseTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    CaseTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(CaseEvents.TOPIC));
    }

    /** The records with {@code key} received until {@code expected} of them are there or {@code timeout} passed. */
    List<ConsumerRecord<String, String>> recordsFor(String key, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> matching;
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            matching = received.stream().filter(r -> key.equals(r.key())).toList();
        } while (matching.size() < expected && System.nanoTime() < deadline);
        return matching;
    }

    /** Keeps polling for {@code period} and returns all records with {@code key} (to prove there is no second one). */
    List<ConsumerRecord<String, String>> allRecordsFor(String key, Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
