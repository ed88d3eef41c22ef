package de.stadtretter.notification.subscriptions.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code consent_record}. */
@Repository
public class ConsentRecords {

    /** Proof of a consent that ended is kept three years after the end of that year (§§ 195, 199 BGB). */
    public static final int YEARS_KEPT = 3;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final JdbcClient jdbc;

    public ConsentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when the proof of a consent that ends at {@code end} is kept. */
    public static Instant keepUntil(Instant end) {
        int year = end.atZone(BERLIN).getYear();
        return LocalDate.of(year + YEARS_KEPT + 1, 1, 1).atStartOfDay(BERLIN).toInstant();
    }

    public void insert(UUID id, UUID subscriptionId, String email, String method, String preferences,
            String ipPrefix, boolean confirmed) {
        jdbc.sql("""
                insert into consent_record (id, subscription_id, email, method, consent_version, consent_text,
                    preferences, ip_prefix, requested_at, confirmed_at)
                values (:id, :subscription, :email, :method, :version, :text, :preferences, :ip, now(),
                    case when :confirmed then now() end)""")
                .param("id", id)
                .param("subscription", subscriptionId)
                .param("email", email)
                .param("method", method)
                .param("version", ConsentText.VERSION)
                .param("text", ConsentText.TEXT)
                .param("preferences", preferences)
                .param("ip", ipPrefix)
                .param("confirmed", confirmed)
                .update();
    }

    public void confirm(UUID id) {
        jdbc.sql("update consent_record set confirmed_at = now() where id = :id and confirmed_at is null")
                .param("id", id).update();
    }

    /**
     * The subscription's consent ended (unsubscribed or erased): its confirmed records are marked withdrawn and
     * kept until {@link #keepUntil}; records of requests never confirmed are deleted, as they prove nothing.
     */
    public void withdraw(UUID subscriptionId) {
        Instant now = Instant.now();
        jdbc.sql("delete from consent_record where subscription_id = :id and confirmed_at is null")
                .param("id", subscriptionId).update();
        jdbc.sql("""
                update consent_record set withdrawn_at = coalesce(withdrawn_at, :now), keep_until = :keep
                where subscription_id = :id and withdrawn_at is null""")
                .param("id", subscriptionId)
                .param("now", Timestamp.from(now))
                .param("keep", Timestamp.from(keepUntil(now)))
                .update();
    }

    public List<ConsentRecord> byEmail(String email) {
        return jdbc.sql("select * from consent_record where email = :email order by requested_at desc, id")
                .param("email", email).query(ConsentRecords::map).list();
    }

    /** Deletes the records whose time is up; returns how many. */
    public int deleteExpired() {
        return jdbc.sql("delete from consent_record where keep_until < now()").update();
    }

    private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
        return new ConsentRecord(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("email"), rs.getString("method"), rs.getString("consent_version"),
                rs.getString("consent_text"), rs.getString("preferences"), rs.getString("ip_prefix"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("confirmed_at")),
                instant(rs.getTimestamp("withdrawn_at")), instant(rs.getTimestamp("keep_until")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
