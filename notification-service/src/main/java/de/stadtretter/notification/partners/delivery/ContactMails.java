package de.stadtretter.notification.partners.delivery;

import java.sql.Timestamp;
import java.time.Duration;
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
import de.stadtretter.notification.partners.events.ContactRequested;
import de.stadtretter.notification.partners.events.PartnerRemoved;

/** Table {@code contact_mail}: the queue of contact requests to mail to partners; and {@code removed_partner}. */
@Repository
public class ContactMails extends QueueTable<ContactMails.DueContactMail> {

    private static final Logger log = LoggerFactory.getLogger(ContactMails.class);

    /** A claimed mail with what is needed to write it. */
    public record DueContactMail(UUID id, UUID partnerId, String partnerName, String recipient, String recipientName,
            String replyTo, String senderName, String senderTown, String subject, String message, int attempts,
            String traceParent) implements MailQueue.Claimed {}

    /** Published after a contact mail was queued: wakes the dispatcher once the transaction commits. */
    public record Queued(UUID id) {}

    private final ApplicationEventPublisher events;
    private final TraceContexts traces;

    public ContactMails(JdbcClient jdbc, ApplicationEventPublisher events, TraceContexts traces) {
        super(jdbc, "contact_mail");
        this.events = events;
        this.traces = traces;
    }

    /**
     * Queues the mail of a contact request, once per request; none for a request made before the partner was
     * removed (a company that creates its profile again gets the requests made after that). Both times are
     * partner-service's, so the order in which the two topics arrive does not matter. Runs in the transaction that
     * records the event as handled.
     */
    public void queue(String eventId, ContactRequested r) {
        boolean removed = jdbc.sql("""
                select count(*) from removed_partner where partner_id = :id and removed_at >= :requestedAt""")
                .param("id", r.partnerId()).param("requestedAt", Timestamp.from(r.requestedAt()))
                .query(Long.class).single() > 0;
        if (removed) {
            log.info("Contact request {} for removed partner {} dropped", r.requestId(), r.partnerId());
            return;
        }
        int queued = jdbc.sql("""
                insert into contact_mail (id, event_id, partner_id, partner_name, recipient, recipient_name, reply_to,
                    sender_name, sender_town, subject, message, trace_parent)
                values (:id, :eventId, :partnerId, :partnerName, :recipient, :recipientName, :replyTo, :senderName,
                    :senderTown, :subject, :message, :traceParent)
                on conflict (id) do nothing""")
                .param("id", r.requestId()).param("eventId", eventId).param("partnerId", r.partnerId())
                .param("partnerName", r.partnerName()).param("recipient", r.recipientEmail())
                .param("recipientName", r.recipientName()).param("replyTo", r.senderEmail())
                .param("senderName", r.senderName()).param("senderTown", r.senderOrganisationName())
                .param("subject", r.subject()).param("message", r.message())
                // the consumer's span: the dispatcher sends the mail in the trace of the contact request
                .param("traceParent", traces.current())
                .update();
        if (queued == 1) {
            events.publishEvent(new Queued(r.requestId()));
        }
    }

    /**
     * The partner is gone: its mails still waiting and everything kept of the sent ones are deleted, and requests
     * made until now that are still on their way will be dropped.
     */
    public void partnerRemoved(PartnerRemoved removed) {
        jdbc.sql("""
                insert into removed_partner (partner_id, removed_at) values (:id, :at)
                on conflict (partner_id) do update set removed_at = greatest(removed_partner.removed_at,
                    excluded.removed_at)""")
                .param("id", removed.partnerId()).param("at", Timestamp.from(removed.removedAt()))
                .update();
        int deleted = jdbc.sql("delete from contact_mail where partner_id = :id").param("id", removed.partnerId())
                .update();
        log.info("Partner {} removed: {} contact mails deleted", removed.partnerId(), deleted);
    }

    @Override
    public List<DueContactMail> claim(int limit, Duration lease) {
        return claimDue(limit, lease, "", """
                m.id, m.partner_id, m.partner_name, m.recipient, m.recipient_name, m.reply_to, m.sender_name,
                m.sender_town, m.subject, m.message, m.attempts, m.trace_parent""",
                (rs, n) -> new DueContactMail(rs.getObject("id", UUID.class),
                        rs.getObject("partner_id", UUID.class), rs.getString("partner_name"),
                        rs.getString("recipient"), rs.getString("recipient_name"), rs.getString("reply_to"),
                        rs.getString("sender_name"), rs.getString("sender_town"), rs.getString("subject"),
                        rs.getString("message"), rs.getInt("attempts"),
                        rs.getString("trace_parent")));
    }

    /** Sent: the message and the addresses are erased, only the fact and the time stay. */
    @Override
    public void markSent(UUID id) {
        jdbc.sql("""
                update contact_mail set status = 'SENT', sent_at = now(), last_error = null, message = '',
                    recipient = '', reply_to = '', sender_name = '', recipient_name = ''
                where id = :id""").param("id", id).update();
    }

    public String status(UUID id) {
        return jdbc.sql("select status from contact_mail where id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }
}
