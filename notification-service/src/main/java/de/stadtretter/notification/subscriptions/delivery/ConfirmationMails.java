package de.stadtretter.notification.subscriptions.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.kit.tracing.TraceContexts;
import de.stadtretter.notification.mail.MailQueue;
import de.stadtretter.notification.mail.QueueTable;

/** Table {@code confirmation_mail}: the queue of double opt-in mails. */
@Repository
public class ConfirmationMails extends QueueTable<ConfirmationMails.DueConfirmation> {

    /** A claimed confirmation mail with what is needed to write it. */
    public record DueConfirmation(UUID id, UUID subscriptionId, String recipient, String token,
            List<String> topicLabels, int attempts, String traceParent) implements MailQueue.Claimed {}

    /** Published in the transaction that queued a mail; the dispatcher wakes after its commit. */
    public record Queued(UUID id) {}

    private final ApplicationEventPublisher events;
    private final TraceContexts traces;

    public ConfirmationMails(JdbcClient jdbc, ApplicationEventPublisher events, TraceContexts traces) {
        super(jdbc, "confirmation_mail");
        this.events = events;
        this.traces = traces;
    }

    /** Queues the mail (call in the request's transaction); one still waiting for the subscription is cancelled. */
    public void queue(UUID subscriptionId, String recipient, String token, List<String> topicLabels) {
        jdbc.sql("""
                update confirmation_mail set status = 'CANCELLED', token = '', last_error = 'superseded'
                where subscription_id = :s and status = 'PENDING'""").param("s", subscriptionId).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into confirmation_mail (id, subscription_id, recipient, token, topic_labels, trace_parent)
                values (:id, :s, :recipient, :token, :labels, :traceParent)""")
                .param("id", id).param("s", subscriptionId).param("recipient", recipient).param("token", token)
                .param("labels", String.join("\n", topicLabels))
                // the request's span: the dispatcher sends the mail in the trace of the subscription
                .param("traceParent", traces.current()).update();
        events.publishEvent(new Queued(id));
    }

    @Override
    public List<DueConfirmation> claim(int limit, Duration lease) {
        return claimDue(limit, lease, "", """
                m.id, m.subscription_id, m.recipient, m.token, m.topic_labels, m.attempts, m.trace_parent""",
                (rs, n) -> new DueConfirmation(rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class), rs.getString("recipient"),
                        rs.getString("token"), Arrays.asList(rs.getString("topic_labels").split("\n")),
                        rs.getInt("attempts"), rs.getString("trace_parent")));
    }

    /** Sent: the token in clear is erased. */
    @Override
    public void markSent(UUID id) {
        jdbc.sql("update confirmation_mail set status = 'SENT', sent_at = now(), last_error = null, token = '' "
                + "where id = :id").param("id", id).update();
    }

    @Override
    public void markFailed(UUID id, String error) {
        super.markFailed(id, error);
        jdbc.sql("update confirmation_mail set token = '' where id = :id").param("id", id).update();
    }
}
