package de.stadtretter.notification.subscriptions.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code subscription}. Tokens arrive here only as hashes. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = """
            id, email, topics, requested_topics, status, confirmation_expires_at, created_at, confirmed_at,
            unsubscribed_at""";

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a pending subscription for {@code email} unless one exists; {@code false} if it existed. */
    public boolean insertIfAbsent(UUID id, String email, String unsubscribeTokenHash) {
        return jdbc.sql("""
                insert into subscription (id, email, status, unsubscribe_token_hash)
                values (:id, :email, 'PENDING', :unsubscribe)
                on conflict (email) do nothing""")
                .param("id", id)
                .param("email", email)
                .param("unsubscribe", unsubscribeTokenHash)
                .update() == 1;
    }

    public Optional<Subscription> lockByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from subscription where email = :email for update")
                .param("email", email).query(SubscriptionRepository::map).optional();
    }

    /**
     * Counts one more confirmation mail to this subscription's address if fewer than {@code limit} went out in the
     * current window of length {@code window} (a new window starts after the old one has passed).
     *
     * @return {@code false} when the limit is reached: no mail may be sent now
     */
    public boolean countConfirmationMail(UUID id, int limit, Duration window) {
        return jdbc.sql("""
                update subscription set
                    confirmation_mails_in_window = case when confirmation_window_start is null
                        or confirmation_window_start < now() - make_interval(secs => :window)
                        then 1 else confirmation_mails_in_window + 1 end,
                    confirmation_window_start = case when confirmation_window_start is null
                        or confirmation_window_start < now() - make_interval(secs => :window)
                        then now() else confirmation_window_start end
                where id = :id and (confirmation_window_start is null
                    or confirmation_window_start < now() - make_interval(secs => :window)
                    or confirmation_mails_in_window < :limit)""")
                .param("id", id)
                .param("limit", limit)
                .param("window", window.toSeconds())
                .update() == 1;
    }

    public Optional<Subscription> findByConfirmationHash(String hash, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from subscription where confirmation_token_hash = :hash"
                        + (lock ? " for update" : ""))
                .param("hash", hash).query(SubscriptionRepository::map).optional();
    }

    public Optional<Subscription> findByUnsubscribeHash(String hash, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from subscription where unsubscribe_token_hash = :hash"
                        + (lock ? " for update" : ""))
                .param("hash", hash).query(SubscriptionRepository::map).optional();
    }

    /**
     * Stores a new confirmation request: the requested topics and the hash of a fresh token (the previous token
     * stops working). An unsubscribed address becomes pending again; a confirmed one stays as it is until the
     * new request is confirmed.
     */
    public void requestConfirmation(UUID id, List<String> requestedTopics, String tokenHash, Instant expiresAt) {
        jdbc.sql("""
                update subscription set
                    requested_topics = :topics,
                    confirmation_token_hash = :hash,
                    confirmation_expires_at = :expires,
                    confirmation_requested_at = now(),
                    status = case when status = 'UNSUBSCRIBED' then 'PENDING' else status end,
                    topics = case when status = 'UNSUBSCRIBED' then '{}'::text[] else topics end
                where id = :id""")
                .param("id", id)
                .param("topics", requestedTopics.toArray(String[]::new))
                .param("hash", tokenHash)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    public void confirm(UUID id) {
        jdbc.sql("""
                update subscription set
                    status = 'CONFIRMED',
                    topics = coalesce(requested_topics, topics),
                    requested_topics = null,
                    confirmation_token_hash = null,
                    confirmation_expires_at = null,
                    confirmed_at = now(),
                    unsubscribed_at = null
                where id = :id""")
                .param("id", id).update();
    }

    public void unsubscribe(UUID id) {
        jdbc.sql("""
                update subscription set
                    status = 'UNSUBSCRIBED',
                    topics = '{}',
                    requested_topics = null,
                    confirmation_token_hash = null,
                    confirmation_expires_at = null,
                    unsubscribed_at = now()
                where id = :id""")
                .param("id", id).update();
    }

    static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                strings(rs.getArray("topics")),
                rs.getArray("requested_topics") == null ? null : strings(rs.getArray("requested_topics")),
                SubscriptionStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("confirmation_expires_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("confirmed_at")),
                instant(rs.getTimestamp("unsubscribed_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
