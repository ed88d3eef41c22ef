package de.stadtretter.notification.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every mail queue table shares ({@code status}, {@code attempts}, {@code next_attempt_at},
 * {@code last_error}): claiming due rows, a failed mail given up, or made due again after its back-off.
 *
 * @param <M> a claimed mail of the table
 */
public abstract class QueueTable<M extends MailQueue.Claimed> implements MailQueue<M> {

    protected final JdbcClient jdbc;
    private final String table;

    /** {@code table} is a constant of the subclass, never input. */
    protected QueueTable(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Claims up to {@code limit} due rows for this instance (each counts as an attempt and is reserved for
     * {@code lease}; {@code skip locked}, so several instances claim different rows). The claimed row is {@code m};
     * {@code join} adds tables with their condition (e.g. {@code ", subscription s where s.id = m.subscription_id"}
     * becomes {@code from due, subscription s where m.id = due.id and s.id = m.subscription_id}); {@code returning}
     * names what {@code mapper} reads.
     */
    protected List<M> claimDue(int limit, Duration lease, String join, String returning, RowMapper<M> mapper) {
        String tables = join.isEmpty() ? "" : join.substring(0, join.indexOf(" where "));
        String condition = join.isEmpty() ? "" : " and " + join.substring(join.indexOf(" where ") + " where ".length());
        return jdbc.sql("with due as (select id from " + table
                        + " where status = 'PENDING' and next_attempt_at <= now() order by next_attempt_at"
                        + " limit :limit for update skip locked)"
                        + " update " + table + " m set attempts = m.attempts + 1,"
                        + " next_attempt_at = now() + :leaseMs * interval '1 millisecond'"
                        + " from due" + tables + " where m.id = due.id" + condition
                        + " returning " + returning)
                .param("limit", limit).param("leaseMs", lease.toMillis())
                .query(mapper).list();
    }

    @Override
    public void markFailed(UUID id, String error) {
        jdbc.sql("update " + table + " set status = 'FAILED', last_error = :error where id = :id")
                .param("id", id).param("error", error).update();
    }

    @Override
    public void retryLater(UUID id, Duration backoff, String error) {
        jdbc.sql("update " + table + " set next_attempt_at = now() + :backoffMs * interval '1 millisecond', "
                        + "last_error = :error where id = :id")
                .param("id", id).param("backoffMs", backoff.toMillis()).param("error", error).update();
    }
}
