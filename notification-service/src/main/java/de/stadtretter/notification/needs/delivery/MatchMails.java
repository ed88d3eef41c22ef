package de.stadtretter.notification.needs.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.kit.tracing.TraceContexts;
import de.stadtretter.notification.mail.MailQueue;
import de.stadtretter.notification.mail.QueueTable;
import de.stadtretter.notification.needs.events.MatchFound;
import de.stadtretter.notification.needs.events.NeedClosed;

/**
 * Tables {@code need_watch}, {@code closed_need} and {@code match_mail}: who watches which need, and the queue of
 * match mails, one per (need, item, watcher) at most.
 */
@Repository
public class MatchMails extends QueueTable<MatchMails.DueMatchMail> {

    private static final Logger log = LoggerFactory.getLogger(MatchMails.class);

    /** A watch of a need: the Kommune (AGS) of the member, or an editor, and the address from the token. */
    public record Watch(UUID needId, String subject, String ags, boolean editor, String email) {}

    /** A claimed mail with what is needed to write it. */
    public record DueMatchMail(UUID id, UUID needId, String kind, UUID itemId, String recipient, String needTitle,
            String itemTitle, double score, List<String> reasons, int attempts, String traceParent)
            implements MailQueue.Claimed {}

    /** Published after match mails were queued: wakes the dispatcher once the transaction commits. */
    public record Queued(UUID needId, int count) {}

    private final ApplicationEventPublisher events;
    private final TraceContexts traces;

    public MatchMails(JdbcClient jdbc, ApplicationEventPublisher events, TraceContexts traces) {
        super(jdbc, "match_mail");
        this.events = events;
        this.traces = traces;
    }

    /** Starts (or renews the address of) a watch; false if the need is closed. */
    public boolean watch(Watch w) {
        if (isClosed(w.needId())) {
            return false;
        }
        jdbc.sql("""
                insert into need_watch (need_id, subject, ags, editor, email)
                values (:need, :subject, :ags, :editor, :email)
                on conflict (need_id, subject) do update set ags = excluded.ags, editor = excluded.editor,
                    email = excluded.email""")
                .param("need", w.needId()).param("subject", w.subject()).param("ags", w.ags())
                .param("editor", w.editor()).param("email", w.email()).update();
        return true;
    }

    public boolean isWatching(UUID needId, String subject) {
        return jdbc.sql("select count(*) from need_watch where need_id = :need and subject = :subject")
                .param("need", needId).param("subject", subject).query(Long.class).single() > 0;
    }

    /** Ends a watch; its mails still waiting are not sent. */
    public void unwatch(UUID needId, String subject) {
        jdbc.sql("delete from need_watch where need_id = :need and subject = :subject").param("need", needId)
                .param("subject", subject).update();
        jdbc.sql("delete from match_mail where need_id = :need and subject = :subject and status = 'PENDING'")
                .param("need", needId).param("subject", subject).update();
    }

    private boolean isClosed(UUID needId) {
        return jdbc.sql("select count(*) from closed_need where need_id = :need").param("need", needId)
                .query(Long.class).single() > 0;
    }

    /**
     * Queues one mail for every watcher of the need who belongs to the need's Kommune (or is an editor), once per
     * (need, item, watcher). Runs in the transaction that records the event as handled.
     */
    public void queue(String eventId, MatchFound m) {
        List<Watch> watchers = jdbc.sql("""
                select need_id, subject, ags, editor, email from need_watch
                where need_id = :need and (editor or ags = :ags)""")
                .param("need", m.needId()).param("ags", m.ags())
                .query((rs, n) -> new Watch(rs.getObject("need_id", UUID.class), rs.getString("subject"),
                        rs.getString("ags"), rs.getBoolean("editor"), rs.getString("email")))
                .list();
        // the consumer's span: the dispatcher sends the mails in the trace of the match
        String traceParent = traces.current();
        int queued = 0;
        for (Watch w : watchers) {
            queued += jdbc.sql("""
                    insert into match_mail (id, need_id, item_kind, item_id, subject, recipient, need_title,
                        item_title, score, reasons, trace_parent)
                    values (:id, :need, :kind, :item, :subject, :recipient, :needTitle, :itemTitle, :score, :reasons,
                        :traceParent)
                    on conflict (need_id, item_kind, item_id, subject) do nothing""")
                    .param("id", UUID.nameUUIDFromBytes((m.needId() + "/" + m.itemKind() + "/" + m.itemId() + "/"
                            + w.subject()).getBytes(StandardCharsets.UTF_8)))
                    .param("need", m.needId()).param("kind", m.itemKind().name()).param("item", m.itemId())
                    .param("subject", w.subject()).param("recipient", w.email()).param("needTitle", m.needTitle())
                    .param("itemTitle", m.itemTitle()).param("score", m.score())
                    .param("reasons", String.join("\n", m.reasons())).param("traceParent", traceParent)
                    .update();
        }
        log.info("Match of need {} with {} {}: {} mails queued for {} watchers", m.needId(), m.itemKind(),
                m.itemId(), queued, watchers.size());
        if (queued > 0) {
            events.publishEvent(new Queued(m.needId(), queued));
        }
    }

    /** The need is closed: its watches (with the addresses) and its mails still waiting go. */
    public void needClosed(NeedClosed closed) {
        jdbc.sql("insert into closed_need (need_id, closed_at) values (:need, :at) on conflict do nothing")
                .param("need", closed.needId()).param("at", java.sql.Timestamp.from(closed.closedAt())).update();
        int watches = jdbc.sql("delete from need_watch where need_id = :need").param("need", closed.needId()).update();
        jdbc.sql("delete from match_mail where need_id = :need and status = 'PENDING'").param("need", closed.needId())
                .update();
        log.info("Need {} closed: {} watches ended", closed.needId(), watches);
    }

    @Override
    public List<DueMatchMail> claim(int limit, Duration lease) {
        return claimDue(limit, lease, "", """
                m.id, m.need_id, m.item_kind, m.item_id, m.recipient, m.need_title, m.item_title, m.score,
                m.reasons, m.attempts, m.trace_parent""",
                (rs, n) -> new DueMatchMail(rs.getObject("id", UUID.class),
                        rs.getObject("need_id", UUID.class), rs.getString("item_kind"),
                        rs.getObject("item_id", UUID.class), rs.getString("recipient"), rs.getString("need_title"),
                        rs.getString("item_title"), rs.getDouble("score"),
                        Arrays.asList(rs.getString("reasons").split("\n")), rs.getInt("attempts"),
                        rs.getString("trace_parent")));
    }

    /** Sent: the address is erased, only the fact and the time stay. */
    @Override
    public void markSent(UUID id) {
        jdbc.sql("update match_mail set status = 'SENT', sent_at = now(), last_error = null, recipient = '' "
                + "where id = :id").param("id", id).update();
    }

    /** How many match mails for the need were sent (for tests and operators). */
    public long sent(UUID needId) {
        return jdbc.sql("select count(*) from match_mail where need_id = :need and status = 'SENT'")
                .param("need", needId).query(Long.class).single();
    }
}
