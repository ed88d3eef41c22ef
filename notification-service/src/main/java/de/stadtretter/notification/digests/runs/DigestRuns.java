package de.stadtretter.notification.digests.runs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.subscriptions.domain.Preferences;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;

/** Tables {@code digest_run}, {@code sent_item} and the queueing side of {@code digest_mail}. */
@Repository
public class DigestRuns {

    /** A mail a run decided on: its items, and how many more matched than it shows. */
    public record Planned(UUID mailId, Subscriber subscriber, List<DigestItem> items, int more) {}

    private final JdbcClient jdbc;

    public DigestRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The run of {@code frequency} for {@code slot}, started now if there is none. It takes the items received after
     * the previous finished run of that frequency started (less {@code overlap}, for transactions that committed
     * late: sent items are never sent twice), but not before {@code slot - lookback}.
     */
    public DigestRun startOrFind(Frequency frequency, Instant slot, Duration lookback, Duration overlap) {
        Instant previous = jdbc.sql("""
                select max(started_at) from digest_run
                where frequency = :frequency and finished_at is not null and slot < :slot""")
                .param("frequency", frequency.name()).param("slot", Timestamp.from(slot))
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        Instant earliest = slot.minus(lookback);
        Instant since = previous == null || previous.minus(overlap).isBefore(earliest) ? earliest
                : previous.minus(overlap);
        jdbc.sql("""
                insert into digest_run (id, frequency, slot, since) values (:id, :frequency, :slot, :since)
                on conflict (frequency, slot) do nothing""")
                .param("id", UUID.randomUUID()).param("frequency", frequency.name())
                .param("slot", Timestamp.from(slot)).param("since", Timestamp.from(since)).update();
        return jdbc.sql("select * from digest_run where frequency = :frequency and slot = :slot")
                .param("frequency", frequency.name()).param("slot", Timestamp.from(slot))
                .query(DigestRuns::mapRun).single();
    }

    /** Runs that started but did not finish and did no batch for {@code quiet} (their instance died), oldest first. */
    public List<DigestRun> unfinished(Duration quiet) {
        return jdbc.sql("select * from digest_run where finished_at is null and heartbeat_at < :before "
                        + "order by started_at")
                .param("before", Timestamp.from(Instant.now().minus(quiet)))
                .query(DigestRuns::mapRun).list();
    }

    /**
     * Locks the run for one batch (call in the batch's transaction) and returns its cursor as it is now: two
     * instances on the same run take turns, each going on where the other stopped. Empty if the run is finished.
     */
    public Optional<DigestRun> lockForBatch(UUID runId) {
        return jdbc.sql("select * from digest_run where id = :id and finished_at is null for update")
                .param("id", runId).query(DigestRuns::mapRun).optional();
    }

    /** The next {@code limit} confirmed, unpaused subscribers of {@code frequency} after {@code cursor}, by id. */
    public List<Subscriber> subscribers(Frequency frequency, UUID cursor, int limit) {
        return jdbc.sql("""
                select id, email, topics, laender, town_types, kinds, confirmed_at from subscription
                where status = 'CONFIRMED' and paused_at is null and frequency = :frequency
                  and (cast(:cursor as uuid) is null or id > cast(:cursor as uuid))
                order by id limit :limit""")
                .param("frequency", frequency.name()).param("cursor", cursor).param("limit", limit)
                .query((rs, row) -> new Subscriber(rs.getObject("id", UUID.class), rs.getString("email"),
                        new Preferences(strings(rs.getArray("topics")), strings(rs.getArray("laender")),
                                strings(rs.getArray("town_types")), strings(rs.getArray("kinds")).stream()
                                        .map(Preferences.Kind::valueOf).toList(), frequency),
                        rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant()))
                .list();
    }

    /** Of {@code itemIds}, those each of the subscribers already got ("KIND:id"). */
    public Map<UUID, Set<String>> alreadySent(Collection<UUID> subscriberIds, Collection<UUID> itemIds) {
        Map<UUID, Set<String>> sent = new HashMap<>();
        if (subscriberIds.isEmpty() || itemIds.isEmpty()) {
            return sent;
        }
        jdbc.sql("""
                select subscription_id, kind, item_id from sent_item
                where subscription_id = any(:subscribers) and item_id = any(:items)""")
                .param("subscribers", subscriberIds.toArray(UUID[]::new))
                .param("items", itemIds.toArray(UUID[]::new))
                .query(rs -> {
                    sent.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(rs.getString(2) + ":" + rs.getObject(3, UUID.class));
                });
        return sent;
    }

    /**
     * Queues the planned mails of one batch (call in a transaction): each item is first claimed in
     * {@code sent_item}; a mail is queued only with the items it claimed (another run that got there first keeps
     * its own), and not at all if it claimed none. Moves the run's cursor to {@code cursor}. Returns the mails
     * queued.
     */
    public int queue(DigestRun run, List<Planned> planned, UUID cursor) {
        List<UUID> subs = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<UUID> items = new ArrayList<>();
        List<UUID> mails = new ArrayList<>();
        for (Planned p : planned) {
            for (DigestItem item : p.items()) {
                subs.add(p.subscriber().id());
                kinds.add(item.kind().name());
                items.add(item.id());
                mails.add(p.mailId());
            }
        }
        Set<UUID> claimed = new HashSet<>();
        if (!subs.isEmpty()) {
            jdbc.sql("""
                    insert into sent_item (subscription_id, kind, item_id, sent_in)
                    select * from unnest(cast(:subs as uuid[]), cast(:kinds as text[]), cast(:items as uuid[]),
                        cast(:mails as uuid[]))
                    on conflict do nothing
                    returning sent_in""")
                    .param("subs", subs.toArray(UUID[]::new)).param("kinds", kinds.toArray(String[]::new))
                    .param("items", items.toArray(UUID[]::new)).param("mails", mails.toArray(UUID[]::new))
                    .query(rs -> {
                        claimed.add(rs.getObject(1, UUID.class));
                    });
        }
        List<Planned> queued = planned.stream().filter(p -> claimed.contains(p.mailId())).toList();
        if (!queued.isEmpty()) {
            jdbc.sql("""
                    insert into digest_mail (id, run_id, subscription_id, recipient, frequency, more)
                    select m.id, :run, m.sub, m.recipient, :frequency, m.more
                    from unnest(cast(:ids as uuid[]), cast(:subs as uuid[]), cast(:recipients as text[]),
                        cast(:more as integer[])) as m(id, sub, recipient, more)
                    on conflict (run_id, subscription_id) do nothing""")
                    .param("run", run.id()).param("frequency", run.frequency().name())
                    .param("ids", queued.stream().map(Planned::mailId).toArray(UUID[]::new))
                    .param("subs", queued.stream().map(p -> p.subscriber().id()).toArray(UUID[]::new))
                    .param("recipients", queued.stream().map(p -> p.subscriber().email()).toArray(String[]::new))
                    .param("more", queued.stream().map(Planned::more).toArray(Integer[]::new))
                    .update();
        }
        jdbc.sql("update digest_run set cursor = :cursor, mails = mails + :n, heartbeat_at = now() where id = :id")
                .param("cursor", cursor).param("n", queued.size()).param("id", run.id()).update();
        return queued.size();
    }

    public Optional<DigestRun> find(UUID runId) {
        return jdbc.sql("select * from digest_run where id = :id").param("id", runId).query(DigestRuns::mapRun)
                .optional();
    }

    public void finish(UUID runId) {
        jdbc.sql("update digest_run set finished_at = now() where id = :id and finished_at is null")
                .param("id", runId).update();
    }

    /** Forgets finished runs older than {@code age} (their mails go with them; sent items stay). */
    public int deleteOlderThan(Duration age) {
        return jdbc.sql("""
                delete from digest_run r where finished_at < :before
                  and not exists (select 1 from digest_mail m where m.run_id = r.id and m.status = 'PENDING')""")
                .param("before", Timestamp.from(Instant.now().minus(age))).update();
    }

    private static DigestRun mapRun(ResultSet rs, int row) throws SQLException {
        return new DigestRun(rs.getObject("id", UUID.class), Frequency.valueOf(rs.getString("frequency")),
                rs.getTimestamp("slot").toInstant(), rs.getTimestamp("since").toInstant(),
                rs.getObject("cursor", UUID.class), rs.getInt("mails"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
