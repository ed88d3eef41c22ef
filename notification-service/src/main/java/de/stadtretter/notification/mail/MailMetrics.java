package de.stadtretter.notification.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The age of the oldest mail still waiting in any of the mail queues, in seconds (0 when none waits): the one number
 * that shows a delivery problem before anyone complains. Read from PostgreSQL when the metrics are scraped.
 */
@Component
public class MailMetrics {

    public static final String OLDEST_UNSENT_AGE = "stadtretter.mails.oldest.unsent.age";

    private final JdbcClient jdbc;

    public MailMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder(OLDEST_UNSENT_AGE, this, MailMetrics::oldestUnsentSeconds)
                .description("Age of the oldest mail waiting to be sent")
                .baseUnit("seconds")
                .register(meters);
    }

    double oldestUnsentSeconds() {
        Double age = jdbc.sql("""
                select extract(epoch from now() - min(created_at)) from (
                    select min(created_at) as created_at from digest_mail where status = 'PENDING'
                    union all select min(created_at) from contact_mail where status = 'PENDING'
                    union all select min(created_at) from match_mail where status = 'PENDING'
                    union all select min(created_at) from confirmation_mail where status = 'PENDING') waiting""")
                .query(Double.class).optional().orElse(null);
        return age == null ? 0 : age;
    }
}
