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
            id, email, topics, laender, town_types, kinds, frequency, requested_topics, requested_laender,
            requested_town_types, requested_kinds, requested_frequency, status, confirmation_expires_at, created_at,
            confirmed_at, unsubscribed_at, paused_at, pending_consent_id""";

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
     * Stores a new confirmation request: the requested preferences, its consent record and the hash of a fresh token
     * (the previous token stops working). An unsubscribed address becomes pending again; a confirmed one stays as
     * it is until the new request is confirmed.
     */
    public void requestConfirmation(UUID id, Preferences requested, UUID consentId, String tokenHash,
            Instant expiresAt) {
        jdbc.sql("""
                update subscription set
                    requested_topics = :topics,
                    requested_laender = :laender,
                    requested_town_types = :townTypes,
                    requested_kinds = :kinds,
                    requested_frequency = :frequency,
                    pending_consent_id = :consent,
                    confirmation_token_hash = :hash,
                    confirmation_expires_at = :expires,
                    confirmation_requested_at = now(),
                    status = case when status = 'UNSUBSCRIBED' then 'PENDING' else status end,
                    topics = case when status = 'UNSUBSCRIBED' then '{}'::text[] else topics end
                where id = :id""")
                .param("id", id)
                .param("topics", array(requested.topics()))
                .param("laender", array(requested.laender()))
                .param("townTypes", array(requested.townTypes()))
                .param("kinds", array(requested.kinds().stream().map(Enum::name).toList()))
                .param("frequency", requested.frequency().name())
                .param("consent", consentId)
                .param("hash", tokenHash)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    public void confirm(UUID id) {
        jdbc.sql("""
                update subscription set
                    status = 'CONFIRMED',
                    topics = coalesce(requested_topics, topics),
                    laender = coalesce(requested_laender, laender),
                    town_types = coalesce(requested_town_types, town_types),
                    kinds = coalesce(requested_kinds, kinds),
                    frequency = coalesce(requested_frequency, frequency),
                    requested_topics = null, requested_laender = null, requested_town_types = null,
                    requested_kinds = null, requested_frequency = null, pending_consent_id = null,
                    paused_at = null,
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
                    requested_topics = null, requested_laender = null, requested_town_types = null,
                    requested_kinds = null, requested_frequency = null, pending_consent_id = null,
                    member_subject = null,
                    confirmation_token_hash = null,
                    confirmation_expires_at = null,
                    unsubscribed_at = now()
                where id = :id""")
                .param("id", id).update();
    }

    /** Changes the preferences of a confirmed subscription at once (its owner proved it by the mail link or login). */
    public void updatePreferences(UUID id, Preferences preferences) {
        jdbc.sql("""
                update subscription set topics = :topics, laender = :laender, town_types = :townTypes,
                    kinds = :kinds, frequency = :frequency
                where id = :id""")
                .param("id", id)
                .param("topics", array(preferences.topics()))
                .param("laender", array(preferences.laender()))
                .param("townTypes", array(preferences.townTypes()))
                .param("kinds", array(preferences.kinds().stream().map(Enum::name).toList()))
                .param("frequency", preferences.frequency().name())
                .update();
    }

    /** Pauses ({@code true}) or resumes a confirmed subscription. */
    public void pause(UUID id, boolean paused) {
        jdbc.sql("update subscription set paused_at = case when :paused then coalesce(paused_at, now()) end "
                        + "where id = :id")
                .param("id", id).param("paused", paused).update();
    }

    /** The account that manages the subscription in the portal. */
    public void bindMember(UUID id, String memberSubject) {
        jdbc.sql("update subscription set member_subject = null where member_subject = :member and id <> :id")
                .param("member", memberSubject).param("id", id).update();
        jdbc.sql("update subscription set member_subject = :member where id = :id")
                .param("member", memberSubject).param("id", id).update();
    }

    public Optional<Subscription> findByMember(String memberSubject) {
        return jdbc.sql("select " + COLUMNS + " from subscription where member_subject = :member")
                .param("member", memberSubject).query(SubscriptionRepository::map).optional();
    }

    /** Erases the subscription and everything about it (its sent items and mails go with it). */
    public void delete(UUID id) {
        jdbc.sql("delete from mail_delivery where subscription_id = :id").param("id", id).update();
        jdbc.sql("delete from subscription where id = :id").param("id", id).update();
    }

    static Subscription map(ResultSet rs, int row) throws SQLException {
        Preferences current = new Preferences(strings(rs.getArray("topics")), strings(rs.getArray("laender")),
                strings(rs.getArray("town_types")), kinds(rs.getArray("kinds")),
                Preferences.Frequency.valueOf(rs.getString("frequency")));
        Preferences requested = rs.getArray("requested_topics") == null ? null : new Preferences(
                strings(rs.getArray("requested_topics")),
                strings(rs.getArray("requested_laender")),
                strings(rs.getArray("requested_town_types")),
                rs.getArray("requested_kinds") == null ? current.kinds() : kinds(rs.getArray("requested_kinds")),
                rs.getString("requested_frequency") == null ? current.frequency()
                        : Preferences.Frequency.valueOf(rs.getString("requested_frequency")));
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                current,
                requested,
                SubscriptionStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("confirmation_expires_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("confirmed_at")),
                instant(rs.getTimestamp("unsubscribed_at")),
                instant(rs.getTimestamp("paused_at")),
                rs.getObject("pending_consent_id", UUID.class));
    }

    private static List<Preferences.Kind> kinds(Array array) throws SQLException {
        return strings(array).stream().map(Preferences.Kind::valueOf).toList();
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
