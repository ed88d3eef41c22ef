package de.stadtretter.notification.digests.delivery;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.DigestItems;
import de.stadtretter.notification.mail.MailQueue;
import de.stadtretter.notification.mail.QueueTable;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;

/** Table {@code digest_mail}: the queue of digests and immediate mails; their items are in {@code sent_item}. */
@Repository
public class DigestMails extends QueueTable<DigestMails.DueDigest> {

    /** A claimed digest with what is needed to write it. */
    public record DueDigest(UUID id, UUID subscriptionId, boolean active, String recipient, Frequency frequency,
            int more, int attempts, List<String> topics) implements MailQueue.Claimed {}


    public DigestMails(JdbcClient jdbc) {
        super(jdbc, "digest_mail");
    }

    @Override
    public List<DueDigest> claim(int limit, Duration lease) {
        return claimDue(limit, lease, ", subscription s where s.id = m.subscription_id", """
                m.id, m.subscription_id, s.status = 'CONFIRMED' and s.paused_at is null as active, m.recipient,
                m.frequency, m.more, m.attempts, s.topics""",
                (rs, row) -> new DueDigest(rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class), rs.getBoolean("active"),
                        rs.getString("recipient"), Frequency.valueOf(rs.getString("frequency")), rs.getInt("more"),
                        rs.getInt("attempts"), strings(rs.getArray("topics"))));
    }

    /** The items still public of each of the mails, newest first (one query for a batch). */
    public java.util.Map<UUID, List<DigestItem>> items(java.util.Collection<UUID> mailIds) {
        java.util.Map<UUID, List<DigestItem>> items = new java.util.HashMap<>();
        if (mailIds.isEmpty()) {
            return items;
        }
        jdbc.sql("""
                select s.sent_in, d.kind, d.item_id, d.title, d.teaser, d.place, d.topics, d.laender, d.town_type,
                       d.available_at
                from sent_item s join digest_item d on d.kind = s.kind and d.item_id = s.item_id
                where s.sent_in = any(:mails) and d.withdrawn_at is null
                order by d.available_at desc, d.item_id""")
                .param("mails", mailIds.toArray(UUID[]::new))
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject("sent_in", UUID.class), k -> new java.util.ArrayList<>())
                            .add(DigestItems.map(rs, 0));
                });
        return items;
    }

    /** Marks a batch as sent in one statement. */
    public void markSent(java.util.Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update digest_mail set status = 'SENT', sent_at = now(), last_error = null where id = any(:ids)")
                    .param("ids", ids.toArray(UUID[]::new)).update();
        }
    }

    @Override
    public void markSent(UUID id) {
        jdbc.sql("update digest_mail set status = 'SENT', sent_at = now(), last_error = null where id = :id")
                .param("id", id).update();
    }

    /**
     * Not sent after all (the subscription ended or paused, or all its items were withdrawn): its items are no
     * longer counted as had, so a later mail may bring them.
     */
    public void cancel(UUID id, String reason) {
        jdbc.sql("update digest_mail set status = 'CANCELLED', last_error = :reason where id = :id")
                .param("id", id).param("reason", reason).update();
        jdbc.sql("delete from sent_item where sent_in = :id").param("id", id).update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
