package de.stadtretter.notification.mail;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;

import de.stadtretter.kit.tracing.TraceContexts;
import de.stadtretter.notification.config.NotificationProperties;
import io.micrometer.tracing.Span;

/**
 * Sends the mails of one {@link MailQueue}: claims a batch, writes and sends each mail, and marks it sent, or due
 * again with back-off, or failed after the last attempt (the loop and the back-off are {@link MailWorker}'s).
 */
public abstract class QueueDispatcher<M extends MailQueue.Claimed> extends MailWorker {

    private final MailQueue<M> queue;
    private TraceContexts traces;

    protected QueueDispatcher(String name, String kind, MailQueue<M> queue, Mailer mailer,
            NotificationProperties properties) {
        super(name, kind, mailer, properties);
        this.queue = queue;
    }

    /** Continues the trace of the queued mail when it is sent (without it, mails are sent untraced). */
    @Autowired(required = false)
    public void setTraces(TraceContexts traces) {
        this.traces = traces;
    }

    /** The mail as it goes out. */
    protected abstract OutgoingMail compose(M mail);

    @Override
    protected int dispatchBatch() {
        List<M> batch = queue.claim(settings.batchSize(), settings.lease());
        for (M mail : batch) {
            try {
                OutgoingMail outgoing = compose(mail).withMessageId(mail.id());
                if (traces == null) {
                    mailer.send(outgoing);
                } else {
                    traces.inChild(mail.traceParent(), "mail send " + kind, Span.Kind.CLIENT, () -> {
                        mailer.send(outgoing);
                        return null;
                    });
                }
                queue.markSent(mail.id());
            } catch (RuntimeException e) {
                failed(mail.id(), mail.attempts(), e, new Failure() {
                    @Override
                    public void giveUp(String error) {
                        queue.markFailed(mail.id(), error);
                    }

                    @Override
                    public void retryLater(Duration backoff, String error) {
                        queue.retryLater(mail.id(), backoff, error);
                    }
                });
            }
        }
        return batch.size();
    }
}
