package de.stadtretter.notification.cases.delivery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code known_case} and {@code mail_delivery}: the queue of mails about published cases. */
@Repository
public class MailDeliveries {

    /** A claimed mail with what is needed to write it. */
    public record DueMail(UUID id, UUID subscriptionId, String subscriptionStatus, String recipient, String subject,
            int attempts, UUID caseId, String title, String teaser, String ags, String municipalityName,
            List<String> topics) {}

    private final JdbcClient jdbc;

    public MailDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The case left the public catalogue: remembered as archived, and its mails still waiting are cancelled (a
     * reader must not be sent to a case that is gone). Returns the number of cancelled mails.
     */
    public int caseArchived(UUID caseId, Instant archivedAt) {
        jdbc.sql("update known_case set archived_at = :at where case_id = :id")
                .param("id", caseId).param("at", archivedAt == null ? null : Timestamp.from(archivedAt)).update();
        return jdbc.sql("""
                update mail_delivery set status = 'CANCELLED', last_error = 'case archived'
                where case_id = :id and status = 'PENDING'""")
                .param("id", caseId).update();
    }

    public void rememberCase(UUID caseId, String title, String teaser, String ags, String municipalityName,
            String stateCode, List<String> topics, Instant publishedAt) {
        jdbc.sql("""
                insert into known_case (case_id, title, teaser, ags, municipality_name, state_code, topics, published_at)
                values (:id, :title, :teaser, :ags, :municipality, :state, :topics, :published)
                on conflict (case_id) do update set title = excluded.title, teaser = excluded.teaser,
                    ags = excluded.ags, municipality_name = excluded.municipality_name,
                    state_code = excluded.state_code, topics = excluded.topics,
                    published_at = excluded.published_at, received_at = now()""")
                .param("id", caseId)
                .param("title", title)
                .param("teaser", teaser)
                .param("ags", ags)
                .param("municipality", municipalityName)
                .param("state", stateCode)
                .param("topics", topics.toArray(String[]::new))
                .param("published", publishedAt == null ? null : Timestamp.from(publishedAt))
                .update();
    }

    /**
     * One mail per confirmed subscription that shares a topic with the case and was not told about this case
     * before (a case published again does not repeat itself).
     */
    public int queueForSubscribers(String eventId, UUID caseId, String subject, List<String> topics) {
        return jdbc.sql("""
                insert into mail_delivery (id, event_id, subscription_id, case_id, recipient, subject)
                select gen_random_uuid(), :event, s.id, :case, s.email, :subject
                from subscription s
                where s.status = 'CONFIRMED' and s.topics && cast(:topics as text[])
                  and not exists (select 1 from mail_delivery d where d.case_id = :case and d.subscription_id = s.id)
                on conflict (event_id, subscription_id) do nothing""")
                .param("event", eventId)
                .param("case", caseId)
                .param("subject", subject)
                .param("topics", topics.toArray(String[]::new))
                .update();
    }

    /**
     * Claims up to {@code limit} due mails for this instance: each counts as an attempt and is reserved for
     * {@code lease} (if the instance dies while sending, another one takes the mail over afterwards).
     */
    public List<DueMail> claim(int limit, Duration lease) {
        return jdbc.sql("""
                with due as (
                    select id from mail_delivery
                    where status = 'PENDING' and next_attempt_at <= now()
                    order by next_attempt_at
                    limit :limit
                    for update skip locked)
                update mail_delivery d
                set attempts = d.attempts + 1,
                    next_attempt_at = now() + :leaseMs * interval '1 millisecond'
                from due, subscription s, known_case k
                where d.id = due.id and s.id = d.subscription_id and k.case_id = d.case_id
                returning d.id, d.subscription_id, s.status as subscription_status, d.recipient, d.subject,
                          d.attempts, k.case_id, k.title, k.teaser, k.ags, k.municipality_name, k.topics""")
                .param("limit", limit)
                .param("leaseMs", lease.toMillis())
                .query(MailDeliveries::map)
                .list();
    }

    public void markSent(UUID id) {
        jdbc.sql("update mail_delivery set status = 'SENT', sent_at = now(), last_error = null where id = :id")
                .param("id", id).update();
    }

    public void markCancelled(UUID id, String reason) {
        jdbc.sql("update mail_delivery set status = 'CANCELLED', last_error = :reason where id = :id")
                .param("id", id).param("reason", reason).update();
    }

    public void markFailed(UUID id, String error) {
        jdbc.sql("update mail_delivery set status = 'FAILED', last_error = :error where id = :id")
                .param("id", id).param("error", error).update();
    }

    public void retryLater(UUID id, Duration backoff, String error) {
        jdbc.sql("""
                update mail_delivery set next_attempt_at = now() + :backoffMs * interval '1 millisecond',
                    last_error = :error
                where id = :id""")
                .param("id", id).param("backoffMs", backoff.toMillis()).param("error", error).update();
    }

    private static DueMail map(ResultSet rs, int row) throws SQLException {
        Array topics = rs.getArray("topics");
        return new DueMail(
                rs.getObject("id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("subscription_status"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getInt("attempts"),
                rs.getObject("case_id", UUID.class),
                rs.getString("title"),
                rs.getString("teaser"),
                rs.getString("ags"),
                rs.getString("municipality_name"),
                topics == null ? List.of() : Arrays.asList((String[]) topics.getArray()));
    }
}
