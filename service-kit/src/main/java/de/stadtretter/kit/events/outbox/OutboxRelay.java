package de.stadtretter.kit.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.tracing.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;

/**
 * Sends stored outbox events to Kafka in the order they were written, then marks them published.
 * Wakes up right after a transaction that appended an event commits, and polls as a safety net.
 * A PostgreSQL advisory lock makes sure only one instance of a service relays at a time, so the order per
 * aggregate (record key) holds even with several replicas. Delivery is at least once; consumers deduplicate
 * by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x5374_6164_744f_7574L; // "StadtOut"

    private record Row(long position, String topic, String key, String type, String payload, String traceParent) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final Duration pollInterval;
    private final int batchSize;
    private final Counter relayed;
    private final TraceContexts traces;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
            MeterRegistry meters, Duration pollInterval, int batchSize, TraceContexts traces) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.tx = tx;
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.relayed = Counter.builder("stadtretter.outbox.relayed")
                .description("Outbox events sent to Kafka").register(meters);
        Gauge.builder("stadtretter.outbox.backlog", this, OutboxRelay::backlog)
                .description("Outbox events not yet sent to Kafka").register(meters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onAppended(Outbox.Appended appended) {
        wakeUp();
    }

    /** Relays soon, on the relay's own thread. */
    public void wakeUp() {
        if (running && wakeUpPending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpPending.set(false);
                drain();
            });
        }
    }

    /** Relays until nothing is left; returns how many events were sent. Safe to call from any thread. */
    public synchronized int drain() {
        int total = 0;
        try {
            int sent;
            do {
                sent = relayBatch();
                total += sent;
            } while (sent == batchSize && running);
        } catch (RuntimeException e) {
            log.warn("Outbox relay failed, will retry in {}: {}", pollInterval, e.getMessage());
        }
        return total;
    }

    private int relayBatch() {
        Integer sent = tx.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                    select position, topic, message_key, event_type, payload, trace_parent from outbox_event
                    where published_at is null order by position limit :limit""")
                    .param("limit", batchSize)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
                // the trace of the change goes on in a producer span, and into the record's W3C headers
                Span span = traces.startChild(row.traceParent(), row.topic() + " send", Span.Kind.PRODUCER);
                if (span != null) {
                    span.tag("messaging.system", "kafka").tag("messaging.destination.name", row.topic())
                            .tag("cloudevents.event_type", row.type());
                    traces.headers(span).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                    spans.add(span);
                }
                sends.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                spans.forEach(s -> s.error(e));
                throw new IllegalStateException("Kafka did not acknowledge outbox events", e);
            } finally {
                spans.forEach(Span::end);
            }
            jdbc.sql("update outbox_event set published_at = now() where position in (:positions)")
                    .param("positions", rows.stream().map(Row::position).toList())
                    .update();
            return rows.size();
        });
        int count = sent == null ? 0 : sent;
        relayed.increment(count);
        return count;
    }

    /** Deletes events published more than {@code retention} ago. */
    public int purgePublished(Duration retention) {
        return jdbc.sql("delete from outbox_event where published_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds())
                .update();
    }

    private double backlog() {
        try {
            return jdbc.sql("select count(*) from outbox_event where published_at is null")
                    .query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> {
            try {
                purgePublished(Duration.ofDays(7));
            } catch (RuntimeException e) {
                log.warn("Purging published outbox events failed: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
