package de.stadtretter.notification.mail;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every mail queue table shares ({@code status}, {@code attempts}, {@code next_attempt_at},
 * {@code last_error}): a failed mail given up, or made due again after its back-off.
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
