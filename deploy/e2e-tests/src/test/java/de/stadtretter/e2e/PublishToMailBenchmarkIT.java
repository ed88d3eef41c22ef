package de.stadtretter.e2e;

import de.stadtretter.e2e.support.CaseEvents;
import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.KafkaClient;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.e2e.support.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a timed test: how long from sending {@code POST /api/catalog/cases/{id}/publish} through the gateway
 * until the mail announcing the case can be read by the subscriber over IMAP (catalog transaction, outbox relay,
 * Kafka, notification-service consumer, mail queue, dispatcher, SMTP, GreenMail). Creating and submitting each case is
 * not timed. The mailbox is polled every {@link #POLL} over one open IMAP connection, so the polling adds at most that
 * much. Prints median, p90 and worst and writes them to {@code target/benchmark-publish-to-mail.txt}; asserts only that
 * every mail arrives. Numbers: docs/benchmarks.md.
 */
@ExtendWith(StadtretterPlatform.class)
class PublishToMailBenchmarkIT {

    static final int PUBLISHES = 20;
    static final Duration POLL = Duration.ofMillis(20);
    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    /** A topic no other e2e test subscribes to, so that each publish sends exactly one mail. */
    static final String TOPIC = "citylogistik";

    @Test
    void publishToMail() throws IOException {
        List<Double> publishToMailMs = new ArrayList<>();
        List<Double> publishResponseMs = new ArrayList<>();
        List<Double> publishToKafkaMs = new ArrayList<>();
        try (Subscriber subscriber = Subscriber.confirmed(Subscriber.newAddress("benchmark"), List.of(TOPIC));
             MailClient.Mailbox mailbox = Endpoints.mail().mailbox(subscriber.address());
             KafkaClient.Reader events = Endpoints.kafka().readerFromNow(CaseEvents.TOPIC)) {
            assertThat(mailbox.subjects()).containsExactly(Subscriber.CONFIRMATION_SUBJECT);
            for (int i = 1; i <= PUBLISHES; i++) {
                // untimed: fresh tokens, a case written and submitted by the Kommune
                String kommune = Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD);
                String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);
                String title = Cases.newTitle("Benchmark " + i);
                String id = (String) Cases.create(kommune, title, Endpoints.KOMMUNE_AGS, List.of(TOPIC)).get("id");
                Cases.submit(kommune, id);
                String subject = Subscriber.announcementSubject(title);

                long startWallMs = System.currentTimeMillis();
                long start = System.nanoTime();
                HttpResponse<String> published = Endpoints.gateway().post(Cases.CASES + "/" + id + "/publish",
                        redaktion, "");
                long answered = System.nanoTime();
                assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
                mailbox.awaitSubject(subject, MAIL_TIMEOUT, POLL);
                long mailed = System.nanoTime();

                publishResponseMs.add((answered - start) / 1e6);
                publishToMailMs.add((mailed - start) / 1e6);
                // untimed, for the breakdown: when the outbox relay's record reached Kafka (its CreateTime)
                long recordTime = events.await(r -> id.equals(r.key()), MAIL_TIMEOUT).timestamp();
                publishToKafkaMs.add((double) (recordTime - startWallMs));
            }
            assertThat(mailbox.subjects()).as("one mail per publish, nothing else").hasSize(PUBLISHES + 1);
        }
        assertThat(publishToMailMs).hasSize(PUBLISHES);

        String report = report(publishToMailMs, publishResponseMs, publishToKafkaMs);
        System.out.println(report);
        Path file = Path.of("target", "benchmark-publish-to-mail.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private static String report(List<Double> toMail, List<Double> response, List<Double> toKafka) {
        StringBuilder b = new StringBuilder();
        b.append("Stadtretter benchmark: publish (gateway) -> announcing mail readable over IMAP\n");
        b.append(String.format(Locale.ROOT, "when: %s, cores: %d, java: %s, os: %s %s, mailbox poll: %d ms%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), POLL.toMillis()));
        b.append(line("publish -> mail", toMail));
        b.append(line("publish response", response));
        b.append(line("publish -> Kafka", toKafka)); // record CreateTime, ms resolution
        b.append(line("Kafka -> mail", java.util.stream.IntStream.range(0, toMail.size())
                .mapToObj(i -> toMail.get(i) - toKafka.get(i)).toList()));
        b.append("samples publish -> mail (ms, in order): ");
        b.append(String.join(", ", toMail.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()));
        return b.append('\n').toString();
    }

    private static String line(String what, List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double p90 = sorted.get((int) Math.ceil(0.9 * n) - 1); // nearest rank
        return String.format(Locale.ROOT, "%-18s n=%d  min %.0f ms  median %.0f ms  p90 %.0f ms  worst %.0f ms%n",
                what + ":", n, sorted.getFirst(), median, p90, sorted.getLast());
    }
}
