package de.stadtretter.notification.digests.items;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code digest_item}: what the consumed events made known, as far as digests need it. */
@Repository
public class DigestItems {

    private static final String COLUMNS = "kind, item_id, title, teaser, place, topics, laender, town_type, available_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public DigestItems(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The item is new or was updated: stored as it is now, and news again (for everyone who has not had it yet).
     * A withdrawn item that comes back (a case published again) is available again.
     */
    public void announce(DigestItem item) {
        jdbc.sql("""
                insert into digest_item (kind, item_id, title, teaser, place, topics, laender, town_type,
                    available_at, received_at)
                values (:kind, :id, :title, :teaser, :place, :topics, :laender, :townType, :available, now())
                on conflict (kind, item_id) do update set title = excluded.title, teaser = excluded.teaser,
                    place = excluded.place, topics = excluded.topics, laender = excluded.laender,
                    town_type = excluded.town_type, available_at = excluded.available_at, received_at = now(),
                    withdrawn_at = null""")
                .param("kind", item.kind().name())
                .param("id", item.id())
                .param("title", item.title())
                .param("teaser", item.teaser())
                .param("place", item.place())
                .param("topics", item.topics().toArray(String[]::new))
                .param("laender", item.laender().toArray(String[]::new))
                .param("townType", item.townType())
                .param("available", Timestamp.from(item.availableAt()))
                .update();
        events.publishEvent(new ItemsAnnounced());
    }

    /** The item changed but is no news (a partner's updated profile): what a mail shows is brought up to date. */
    public void refresh(DigestItem item) {
        jdbc.sql("""
                update digest_item set title = :title, teaser = :teaser, place = :place, topics = :topics,
                    laender = :laender, town_type = :townType
                where kind = :kind and item_id = :id""")
                .param("kind", item.kind().name())
                .param("id", item.id())
                .param("title", item.title())
                .param("teaser", item.teaser())
                .param("place", item.place())
                .param("topics", item.topics().toArray(String[]::new))
                .param("laender", item.laender().toArray(String[]::new))
                .param("townType", item.townType())
                .update();
    }

    /** Gone from public view (archived, removed, closed, no longer public): never mailed again. */
    public void withdraw(ItemKind kind, UUID id) {
        jdbc.sql("update digest_item set withdrawn_at = coalesce(withdrawn_at, now()) where kind = :kind and "
                        + "item_id = :id")
                .param("kind", kind.name()).param("id", id).update();
    }

    /** An item a run may mail, with the time this service learnt of it. */
    public record Candidate(DigestItem item, Instant receivedAt) {}

    /** The items received after {@code since} and not after {@code until}, still public, newest first. */
    public List<Candidate> receivedBetween(Instant since, Instant until) {
        return jdbc.sql("select " + COLUMNS + ", received_at from digest_item where withdrawn_at is null "
                        + "and received_at > :since and received_at <= :until order by available_at desc, item_id")
                .param("since", Timestamp.from(since)).param("until", Timestamp.from(until))
                .query((rs, row) -> new Candidate(map(rs, row), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** The public items among {@code ids} (of any kind). */
    public static DigestItem map(ResultSet rs, int row) throws SQLException {
        return new DigestItem(ItemKind.valueOf(rs.getString("kind")), rs.getObject("item_id", UUID.class),
                rs.getString("title"), rs.getString("teaser"), rs.getString("place"), strings(rs.getArray("topics")),
                strings(rs.getArray("laender")), rs.getString("town_type"),
                rs.getTimestamp("available_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
