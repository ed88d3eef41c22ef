package de.stadtretter.notification.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.digests.runs.DigestRunner;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;

/**
 * Benchmark, not a timed test (run it on its own: {@code ./mvnw -pl notification-service test -Dtest=DigestBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}): 100,000 confirmed weekly subscribers with varied topics, Länder, town
 * types and kinds, and 500 new items (cases, partners, needs); the weekly run selects, queues, renders and hands
 * every mail to a real SMTP server on the same machine: SubEthaSMTP, which accepts and discards
 * ({@code -Dstadtretter.bench.smtp=greenmail}: GreenMail, emptied every second, which parses and stores every mail
 * and so costs more CPU than the service itself). Prints
 * mails per second from the start of the run to the last mail sent, the run's own time, and the peak RSS and heap of
 * this JVM (which also holds the embedded Kafka broker and GreenMail: an upper bound for the service). Asserts only
 * that every digest was sent. Numbers: docs/benchmarks.md.
 */
class DigestBenchmark extends NotificationIntegrationTest {

    static final int SUBSCRIBERS = Integer.getInteger("stadtretter.bench.subscribers", 100_000);
    static final int ITEMS = 500;

    /** {@code sink} (default): SubEthaSMTP, accepting and discarding; {@code greenmail}: the tests' GreenMail. */
    static final String SMTP = System.getProperty("stadtretter.bench.smtp", "sink");

    @Autowired
    private DigestRunner runner;

    @Autowired
    private org.springframework.mail.javamail.JavaMailSenderImpl sender;

    @Test
    void weeklyRunOf100kSubscribersAnd500Items() throws Exception {
        seed();
        java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        org.subethamail.smtp.server.SMTPServer sink = org.subethamail.smtp.server.SMTPServer.port(0)
                .hostName("sink.test").maxConnections(64)
                .messageHandler((context, from, to, data) -> received.incrementAndGet()).build();
        int greenMailPort = sender.getPort();
        if (SMTP.equals("sink")) {
            sink.start();
            sender.setPort(sink.getPortAllocated());
        }
        AtomicBoolean purging = new AtomicBoolean(SMTP.equals("greenmail"));
        Thread purge = Thread.ofPlatform().daemon().start(() -> {
            while (purging.get()) {
                try {
                    TestMail.server().purgeEmailFromAllMailboxes();
                    Thread.sleep(1000);
                } catch (Exception e) {
                    return;
                }
            }
        });
        System.gc();
        long start = System.nanoTime();
        DigestRunner.Result result = runner.run(Frequency.WEEKLY, Instant.now());
        long runDone = System.nanoTime();
        long pending;
        do {
            Thread.sleep(100);
            pending = jdbc.sql("select count(*) from digest_mail where status = 'PENDING'").query(Long.class).single();
        } while (pending > 0);
        long end = System.nanoTime();
        purging.set(false);
        purge.join();
        sender.setPort(greenMailPort);
        if (SMTP.equals("sink")) {
            sink.stop();
            assertThat(received.get()).as("mails the SMTP server accepted").isGreaterThanOrEqualTo(result.mails());
        }

        long sent = jdbc.sql("select count(*) from digest_mail where status = 'SENT'").query(Long.class).single();
        long failed = jdbc.sql("select count(*) from digest_mail where status <> 'SENT'").query(Long.class).single();
        double seconds = (end - start) / 1e9;
        double avgItems = jdbc.sql("select count(*)::float / greatest(1, count(distinct sent_in)) from sent_item")
                .query(Double.class).single();
        String report = String.format(java.util.Locale.ROOT, """
                digest benchmark: %d subscribers, %d items, SMTP server: %s
                  run (select + queue): %d mails in %.1f s
                  run to last mail sent: %d mails in %.1f s = %.0f mails/s (%d not sent)
                  items per mail: %.1f
                  peak RSS of this JVM (service + embedded Kafka + GreenMail): %d MiB; peak heap: %d MiB
                """, SUBSCRIBERS, ITEMS, SMTP.equals("sink") ? "SubEthaSMTP (discards)" : "GreenMail (keeps, emptied "
                        + "every second)", result.mails(), (runDone - start) / 1e9, sent, seconds, sent / seconds,
                failed, avgItems, peakRssMiB(), peakHeapMiB());
        System.out.println(report);
        Files.writeString(Path.of("target/benchmark-digest.txt"), report);
        assertThat(failed).isZero();
        assertThat(sent).isEqualTo(result.mails());
    }

    private void seed() {
        // topics, Länder, town types and kinds vary with the row number; all confirmed a month ago, weekly
        jdbc.sql("""
                with t as (select array['leerstand','erlebnisraum','handel-innovation','marketing','stadtgestaltung',
                        'mobilitaet','organisation','events','foerderung','citylogistik'] as topics,
                    array['SH','HH','NI','HB','NW','HE','RP','BW','BY','SL','BE','BB','MV','SN','ST','TH'] as laender,
                    array['11','12','21','22','30','40','50'] as types)
                insert into subscription (id, email, status, unsubscribe_token_hash, topics, laender, town_types, kinds,
                    frequency, confirmed_at)
                select gen_random_uuid(), 'bench-' || g || '@bench.example', 'CONFIRMED', 'bench-' || g,
                    case g % 3 when 0 then array[t.topics[1 + g % 10]]
                        when 1 then array[t.topics[1 + g % 10], t.topics[1 + (g / 10) % 10]]
                        else array[t.topics[1 + g % 10], t.topics[1 + (g / 10) % 10], t.topics[1 + (g / 100) % 10]] end,
                    case when g % 4 = 0 then '{}'::text[] else array[t.laender[1 + (g / 7) % 16]] end,
                    case when g % 3 = 0 then '{}'::text[] else array[t.types[1 + (g / 11) % 7]] end,
                    case g % 5 when 0 then '{CASES,PARTNERS,NEEDS}'::text[] when 1 then '{CASES,NEEDS}'::text[]
                        else '{CASES}'::text[] end,
                    'WEEKLY', now() - interval '30 days'
                from generate_series(1, :n) g, t""").param("n", SUBSCRIBERS).update();
        jdbc.sql("""
                with t as (select array['leerstand','erlebnisraum','handel-innovation','marketing','stadtgestaltung',
                        'mobilitaet','organisation','events','foerderung','citylogistik'] as topics,
                    array['SH','HH','NI','HB','NW','HE','RP','BW','BY','SL','BE','BB','MV','SN','ST','TH'] as laender,
                    array['11','12','21','22','30','40','50'] as types)
                insert into digest_item (kind, item_id, title, teaser, place, topics, laender, town_type, available_at,
                    received_at)
                select case when i <= 400 then 'CASE' when i <= 460 then 'PARTNER' else 'NEED' end, gen_random_uuid(),
                    'Beispiel ' || i || ': Leerstand und Innenstadt', repeat('Ein kurzer Anriss des Beitrags. ', 8),
                    'Musterstadt (Niedersachsen)',
                    case when i % 2 = 0 then array[t.topics[1 + i % 10]]
                        else array[t.topics[1 + i % 10], t.topics[1 + (i / 10) % 10]] end,
                    case when i > 400 and i <= 460 and i % 2 = 0 then '{}'::text[]
                        else array[t.laender[1 + (i / 3) % 16]] end,
                    case when i > 400 and i <= 460 then null else t.types[1 + (i / 5) % 7] end,
                    now() - make_interval(mins => i), now() - interval '1 minute'
                from generate_series(1, :n) i, t""").param("n", ITEMS).update();
    }

    private static long peakRssMiB() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
