package de.stadtretter.kit.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real PostgreSQL and a real (embedded KRaft) Kafka broker: what a transaction stores is sent
 * after the commit, every event once, in order per record key — also with two relays (two service replicas) racing.
 */
@EmbeddedKafka(partitions = 3, topics = {OutboxRelayTest.ORDERED, OutboxRelayTest.ROLLBACK, OutboxRelayTest.TRACED})
class OutboxRelayTest {

    static final String ORDERED = "kit.outbox.ordered";
    static final String ROLLBACK = "kit.outbox.rollback";
    static final String TRACED = "kit.outbox.traced";

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEvents cloudEvents = new CloudEvents(json);
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final TestTracing tracing = new TestTracing();
    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private Outbox outbox;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource(TestPostgres.jdbcUrl("kit"), "postgres", "postgres");
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("drop table if exists outbox_event").update();
        jdbc.sql("""
                create table outbox_event (
                    position     bigserial   primary key,
                    event_id     text        not null unique,
                    topic        text        not null,
                    message_key  text        not null,
                    event_type   text        not null,
                    payload      text        not null,
                    created_at   timestamptz not null default now(),
                    published_at timestamptz,
                    trace_parent text
                )""").update();
        outbox = new Outbox(jdbc, cloudEvents, event -> { }, tracing.traces());
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void everyEventIsSentOnceAndInOrderPerKeyWhileTwoRelaysRace(EmbeddedKafkaBroker broker) {
        startRelay(broker);
        startRelay(broker);
        Set<String> appended = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            String key = "case-" + (i % 5);
            CloudEvent event = CloudEvent.create("/test", "de.stadtretter.test.v1", key, null,
                    cloudEvents.toTree(Map.of("sequence", i)));
            appended.add(event.id());
            tx.executeWithoutResult(status -> outbox.append(ORDERED, key, event));
        }

        await().atMost(Duration.ofSeconds(30)).until(this::backlog, n -> n == 0);

        List<ConsumerRecord<String, String>> records = readAll(broker, ORDERED, 150);
        assertThat(records).hasSize(150);
        assertThat(records.stream().map(r -> cloudEvents.parse(r.value()).id()).toList())
                .containsExactlyInAnyOrderElementsOf(appended);
        Map<String, Integer> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            int sequence = cloudEvents.parse(record.value()).data().get("sequence").asInt();
            assertThat(sequence).as("order of key %s", record.key())
                    .isGreaterThan(lastSequence.getOrDefault(record.key(), -1));
            lastSequence.put(record.key(), sequence);
            assertThat(new String(record.headers().lastHeader("content-type").value()))
                    .startsWith("application/cloudevents+json");
        }
    }

    @Test
    void theTraceOfTheChangeGoesOnInTheRecordsHeaders(EmbeddedKafkaBroker broker) {
        OutboxRelay relay = startRelay(broker);
        CloudEvent traced = CloudEvent.create("/test", "t", "k", null, cloudEvents.toTree(Map.of("n", 1)));
        CloudEvent untraced = CloudEvent.create("/test", "t", "k", null, cloudEvents.toTree(Map.of("n", 2)));
        String request = tracing.inSpan("PUT /cases", () -> tx.execute(status -> {
            outbox.append(TRACED, "k", traced);
            return tracing.traces().current();
        }));
        tx.executeWithoutResult(status -> outbox.append(TRACED, "k", untraced));
        relay.drain();

        List<ConsumerRecord<String, String>> records = readAll(broker, TRACED, 2);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(cloudEvents.parse(first.value()).id()).isEqualTo(traced.id());
        String header = new String(first.headers().lastHeader("traceparent").value());
        // same trace, a new span: the relay's producer span, a child of the request's span
        assertThat(TestTracing.traceId(header)).isEqualTo(TestTracing.traceId(request));
        assertThat(TestTracing.spanId(header)).isNotEqualTo(TestTracing.spanId(request));
        assertThat(tracing.finished()).anySatisfy(span -> {
            assertThat(span.getName()).isEqualTo(TRACED + " send");
            assertThat(span.getSpanId()).isEqualTo(TestTracing.spanId(header));
            assertThat(span.getParentSpanId()).isEqualTo(TestTracing.spanId(request));
        });
        // an event written outside a trace starts none
        assertThat(records.get(1).headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void anEventOfATransactionThatRolledBackIsNeverSent(EmbeddedKafkaBroker broker) {
        OutboxRelay relay = startRelay(broker);
        String rolledBack = UUID.randomUUID().toString();
        tx.executeWithoutResult(status -> {
            outbox.append(ROLLBACK, "k", new CloudEvent("1.0", rolledBack, "/test", "t", "k", null, null, null,
                    cloudEvents.toTree(Map.of("n", 1))));
            status.setRollbackOnly();
        });
        CloudEvent committed = CloudEvent.create("/test", "t", "k", null, cloudEvents.toTree(Map.of("n", 2)));
        tx.executeWithoutResult(status -> outbox.append(ROLLBACK, "k", committed));
        relay.drain();

        List<ConsumerRecord<String, String>> records = readAll(broker, ROLLBACK, 1);
        assertThat(records).extracting(r -> cloudEvents.parse(r.value()).id()).containsExactly(committed.id());
        assertThat(backlog()).isZero();
    }

    private OutboxRelay startRelay(EmbeddedKafkaBroker broker) {
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all")));
        OutboxRelay relay = new OutboxRelay(jdbc, tx, kafka, new SimpleMeterRegistry(), Duration.ofMillis(20), 7,
                tracing.traces());
        relay.start();
        relays.add(relay);
        return relay;
    }

    private long backlog() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    /** Reads {@code topic} from the beginning until {@code expected} records arrived, then a little longer. */
    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker broker, String topic,
            int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos(); // duplicates would show up now
                }
            }
        }
        return records;
    }
}
