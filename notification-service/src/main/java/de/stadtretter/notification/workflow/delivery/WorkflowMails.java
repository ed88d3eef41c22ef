package de.stadtretter.notification.workflow.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.tracing.TraceContexts;
import de.stadtretter.notification.mail.MailQueue;
import de.stadtretter.notification.mail.QueueTable;
import de.stadtretter.notification.workflow.events.CaseReviewed;
import de.stadtretter.notification.workflow.events.ProfileReviewed;
import de.stadtretter.notification.workflow.events.ReferenceClaimed;
import de.stadtretter.notification.workflow.members.MemberAddresses;
import de.stadtretter.notification.workflow.members.MemberAddresses.MemberAddress;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table {@code workflow_mail}: the mails of the editorial workflow, one per (event, recipient). The recipients are
 * the members this service knows an address of ({@link MemberAddresses}): the case's author, the partner's members,
 * the members of the town that owns a claimed case. Nobody registered, no mail: the portal shows the same in the
 * member's lists.
 */
@Repository
public class WorkflowMails extends QueueTable<WorkflowMails.DueWorkflowMail> {

    private static final Logger log = LoggerFactory.getLogger(WorkflowMails.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** What a mail is about; each has its template {@code mail/<template>.html|.txt}. */
    public enum Kind {
        REFERENCE_CLAIMED("reference-claimed"), PROFILE_VERIFIED("profile-verified"),
        PROFILE_REJECTED("profile-rejected"), CASE_CHANGES_REQUESTED("case-changes-requested"),
        CASE_PUBLISHED("case-published");

        public final String template;

        Kind(String template) {
            this.template = template;
        }
    }

    /** A claimed mail with what is needed to write it. */
    public record DueWorkflowMail(UUID id, Kind kind, String recipient, String recipientName,
            Map<String, Object> model, int attempts, String traceParent) implements MailQueue.Claimed {}

    /** Published after mails were queued: wakes the dispatcher once the transaction commits. */
    public record Queued(Kind kind, int count) {}

    private final MemberAddresses addresses;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final TraceContexts traces;

    public WorkflowMails(JdbcClient jdbc, MemberAddresses addresses, ApplicationEventPublisher events,
            JsonMapper json, TraceContexts traces) {
        super(jdbc, "workflow_mail");
        this.addresses = addresses;
        this.events = events;
        this.json = json;
        this.traces = traces;
    }

    /** To whoever wrote what the Redaktion decided on. */
    public void caseReviewed(String eventId, CaseReviewed r) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", r.caseId().toString());
        model.put("title", r.title());
        model.put("revision", r.revision());
        Kind kind = r.decision() == CaseReviewed.Decision.PUBLISHED ? Kind.CASE_PUBLISHED
                : Kind.CASE_CHANGES_REQUESTED;
        queue(eventId, kind, addresses.recipient(r.authorSubject()).stream().toList(), model);
    }

    /** To the members of the partner. */
    public void profileReviewed(String eventId, ProfileReviewed r) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("partnerId", r.partnerId().toString());
        model.put("partnerName", r.partnerName());
        Kind kind = r.decision() == ProfileReviewed.Decision.VERIFIED ? Kind.PROFILE_VERIFIED : Kind.PROFILE_REJECTED;
        queue(eventId, kind, addresses.members(r.partnerId().toString(), CurrentUser.PARTNER), model);
    }

    /** To the members of the town that owns the case. */
    public void referenceClaimed(String eventId, ReferenceClaimed r) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("referenceId", r.referenceId().toString());
        model.put("partnerId", r.partnerId().toString());
        model.put("partnerName", r.partnerName());
        model.put("caseId", r.caseId().toString());
        model.put("caseTitle", r.caseTitle());
        model.put("role", r.role());
        model.put("claimedOnBehalf", r.claimedOnBehalf());
        queue(eventId, Kind.REFERENCE_CLAIMED, addresses.members(r.caseAgs(), CurrentUser.KOMMUNE), model);
    }

    /** One row per recipient, at most once per (event, recipient); runs in the transaction of the inbox. */
    private void queue(String eventId, Kind kind, List<MemberAddress> recipients, Map<String, Object> model) {
        String modelJson = json.writeValueAsString(model);
        // the consumer's span (continued from the event's headers): the dispatcher sends the mail in its trace
        String traceParent = traces.current();
        int queued = 0;
        for (MemberAddress to : recipients) {
            queued += jdbc.sql("""
                    insert into workflow_mail (id, event_id, kind, subject, recipient, recipient_name, model,
                        trace_parent)
                    values (:id, :event, :kind, :subject, :recipient, :name, cast(:model as jsonb), :traceParent)
                    on conflict (event_id, subject) do nothing""")
                    .param("id", UUID.nameUUIDFromBytes((eventId + "/" + to.subject())
                            .getBytes(StandardCharsets.UTF_8)))
                    .param("event", eventId).param("kind", kind.name()).param("subject", to.subject())
                    .param("recipient", to.email()).param("name", to.name()).param("model", modelJson)
                    .param("traceParent", traceParent).update();
        }
        log.info("{} (event {}): {} mails queued for {} registered recipients", kind, eventId, queued,
                recipients.size());
        if (queued > 0) {
            events.publishEvent(new Queued(kind, queued));
        }
    }

    @Override
    public List<DueWorkflowMail> claim(int limit, Duration lease) {
        return claimDue(limit, lease, "", "m.id, m.kind, m.recipient, m.recipient_name, m.model::text, m.attempts, m.trace_parent",
                (rs, n) -> new DueWorkflowMail(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                        rs.getString("recipient"), rs.getString("recipient_name"),
                        json.readValue(rs.getString("model"), MAP), rs.getInt("attempts"),
                        rs.getString("trace_parent")));
    }

    /** Sent: the address and name are erased, only the fact and the time stay. */
    @Override
    public void markSent(UUID id) {
        jdbc.sql("update workflow_mail set status = 'SENT', sent_at = now(), last_error = null, recipient = '', "
                + "recipient_name = null where id = :id").param("id", id).update();
    }

    /** The member's mails still waiting are not sent (they asked to be forgotten). */
    public int forget(String subject) {
        return jdbc.sql("delete from workflow_mail where subject = :subject and status <> 'SENT'")
                .param("subject", subject).update();
    }

    /** The record of mails sent or given up longer than {@code age} ago goes. */
    public int deleteOlderThan(Duration age) {
        return jdbc.sql("delete from workflow_mail where status <> 'PENDING' and created_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(age))).update();
    }

    /** How many mails of this kind went to {@code subject} (for tests and operators). */
    public long sent(String subject, Kind kind) {
        return jdbc.sql("select count(*) from workflow_mail where subject = :subject and kind = :kind "
                + "and status = 'SENT'").param("subject", subject).param("kind", kind.name())
                .query(Long.class).single();
    }
}
