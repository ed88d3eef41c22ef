package de.stadtretter.notification.cases.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.mail.Mailer;
import io.micrometer.core.instrument.MeterRegistry;

class MailDispatcherRetryTest extends NotificationIntegrationTest {

    @Autowired
    private MailDispatcher dispatcher;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aMailThatCannotBeSentIsRetriedWithGrowingPausesAndThenGivenUp() throws Exception {
        String email = confirmedSubscriber("retry", List.of("events"));
        UUID subscriptionId = jdbc.sql("select id from subscription where email = :e").param("e", email)
                .query(UUID.class).single();
        UUID caseId = UUID.randomUUID();
        UUID deliveryId = UUID.randomUUID();
        jdbc.sql("""
                insert into known_case (case_id, title, teaser, ags, topics)
                values (:id, 'Stadtfest', 'Ein Fest für alle', '01001000', '{events}')""")
                .param("id", caseId).update();
        double failedBefore = count(Mailer.FAILED);
        // a recipient no mail server accepts: every attempt fails
        jdbc.sql("""
                insert into mail_delivery (id, event_id, subscription_id, case_id, recipient, subject)
                values (:id, :event, :subscription, :case, 'kaputt@@example', 'Neues Praxisbeispiel: Stadtfest')""")
                .param("id", deliveryId).param("event", UUID.randomUUID().toString())
                .param("subscription", subscriptionId).param("case", caseId).update();
        dispatcher.wakeUp();

        Duration previousPause = Duration.ZERO;
        for (int attempt = 1; attempt <= 4; attempt++) {
            int expected = attempt;
            Awaitility.await("attempt " + attempt).atMost(Duration.ofSeconds(10))
                    .until(() -> attempts(deliveryId) == expected && !row(deliveryId).get("last_error").equals(""));
            Map<String, Object> row = row(deliveryId);
            assertThat(row.get("status")).isEqualTo("PENDING");
            Instant next = ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant();
            Instant now = jdbc.sql("select now()").query(java.sql.Timestamp.class).single().toInstant();
            Duration pause = Duration.between(now, next);
            assertThat(pause).as("pause after attempt %d grows", attempt).isGreaterThan(previousPause);
            previousPause = pause;
            // do not wait for the backoff in a test: make the mail due again
            jdbc.sql("update mail_delivery set next_attempt_at = now(), last_error = '' where id = :id")
                    .param("id", deliveryId).update();
            dispatcher.wakeUp();
        }
        Awaitility.await("given up").atMost(Duration.ofSeconds(10))
                .until(() -> "FAILED".equals(row(deliveryId).get("status")));
        assertThat(attempts(deliveryId)).isEqualTo(5);
        assertThat((String) row(deliveryId).get("last_error")).isNotBlank();
        assertThat(count(Mailer.FAILED) - failedBefore).isEqualTo(1.0);
        assertThat(TestMail.to(email, "Neues Praxisbeispiel: Stadtfest")).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToItsLimit() {
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }

    private double count(String name) {
        var counter = meters.find(name).tag("kind", MailDispatcher.KIND).counter();
        return counter == null ? 0 : counter.count();
    }

    private int attempts(UUID id) {
        return jdbc.sql("select attempts from mail_delivery where id = :id").param("id", id).query(Integer.class)
                .single();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("select status, next_attempt_at, coalesce(last_error, '') as last_error from mail_delivery "
                + "where id = :id").param("id", id).query().singleRow();
    }
}
