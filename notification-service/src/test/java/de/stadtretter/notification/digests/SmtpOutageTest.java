package de.stadtretter.notification.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.MailSendException;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.digests.delivery.DigestMailDispatcher;
import de.stadtretter.notification.digests.runs.DigestRunner;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.MailWorker;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;

/** Delivery that loses nothing and doubles nothing, with a real SMTP server that goes away for 30 seconds. */
class SmtpOutageTest extends NotificationIntegrationTest {

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private DigestRunner runner;

    @Autowired
    private DigestMailDispatcher dispatcher;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theSmtpServerStopsForThirtySecondsDuringADigestRunAndEveryoneGetsExactlyOneDigest() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            readers.add(confirmedSubscriber("ausfall" + i, Map.of("topics", List.of("events"),
                    "frequency", "DAILY")));
        }
        UUID item = new DigestEvents(kafka, json).publishCase("Gästeführungen " + tag, "01001000",
                "Flensburg, Stadt", "SH", "events");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from digest_item where item_id = :id").param("id", item).query(Long.class)
                .single() == 1);
        double retriedBefore = count(Mailer.RETRIED);

        var run = CompletableFuture.supplyAsync(() -> runner.run(Frequency.DAILY, java.time.Instant.now()));
        // the server goes away once the first digests are out
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> jdbc.sql(
                "select count(*) from digest_mail m join sent_item s on s.sent_in = m.id where s.item_id = :id "
                        + "and m.status = 'SENT'").param("id", item).query(Long.class).single() > 0);
        TestMail.stop();
        long unsent;
        try {
            long stoppedAt = System.nanoTime();
            assertThat(run.get().mails()).isGreaterThanOrEqualTo(readers.size());
            Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
            unsent = jdbc.sql("select count(*) from digest_mail m join sent_item s on s.sent_in = m.id "
                    + "where s.item_id = :id and m.status = 'PENDING'").param("id", item).query(Long.class).single();
        } finally {
            TestMail.restart();
        }
        assertThat(unsent).as("digests waiting during the outage").isPositive();

        Awaitility.await("all digests sent").atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                "select count(*) from digest_mail m join sent_item s on s.sent_in = m.id "
                        + "where s.item_id = :id and m.status <> 'SENT'").param("id", item).query(Long.class)
                .single() == 0);
        for (String reader : readers) {
            assertThat(TestMail.to(reader, "Neues Praxisbeispiel: Gästeführungen " + tag)).as(reader).hasSize(1);
        }
        assertThat(count(Mailer.RETRIED) - retriedBefore).isGreaterThanOrEqualTo(unsent);
        assertThat(meters.find(DigestRunner.RUN_TIMER).tag("frequency", "DAILY").timer()).isNotNull();
        assertThat(meters.find("stadtretter.mails.oldest.unsent.age").gauge().value()).isZero();
    }

    @Test
    void aPermanentRefusalIsNotRetried() throws Exception {
        // Angus Mail's own exceptions, as its SMTP transport throws them (a runtime dependency, so by name)
        Class<?> addressFailed = Class.forName("org.eclipse.angus.mail.smtp.SMTPAddressFailedException");
        var constructor = addressFailed.getConstructor(jakarta.mail.internet.InternetAddress.class, String.class,
                int.class, String.class);
        Exception unknownMailbox = (Exception) constructor.newInstance(
                new jakarta.mail.internet.InternetAddress("weg@example.org"), "RCPT TO", 550, "5.1.1 unknown");
        Exception busy = (Exception) constructor.newInstance(
                new jakarta.mail.internet.InternetAddress("voll@example.org"), "RCPT TO", 452, "4.2.2 full");
        assertThat(MailWorker.isPermanent(new MailSendException("x", unknownMailbox))).isTrue();
        assertThat(MailWorker.isPermanent(new MailSendException("x", busy))).isFalse();
        MessagingException refused = new jakarta.mail.SendFailedException("550 5.1.1 mailbox unknown");
        assertThat(MailWorker.isPermanent(new MailSendException("x", new jakarta.mail.internet.AddressException(
                "bad")))).isTrue();
        assertThat(MailWorker.isPermanent(new MailSendException("connect failed",
                new MessagingException("Connection refused")))).isFalse();
        assertThat(MailWorker.isPermanent(new MailSendException("x", refused))).isFalse();
    }

    @Test
    void theBackoffDoublesUpToTwoHoursSoThatAMailIsTriedForAboutADay() {
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofHours(2));
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 24; attempt++) {
            total = total.plus(dispatcher.backoff(attempt));
        }
        assertThat(total).isBetween(Duration.ofHours(22), Duration.ofHours(26));
    }

    private double count(String name) {
        var counter = meters.find(name).tag("kind", "digest").counter();
        return counter == null ? 0 : counter.count();
    }
}
