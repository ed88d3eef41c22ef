package de.stadtretter.notification.mail;

import java.time.Duration;
import java.util.List;

import de.stadtretter.notification.config.NotificationProperties;

/**
 * Sends the mails of one {@link MailQueue}: claims a batch, writes and sends each mail, and marks it sent, or due
 * again with back-off, or failed after the last attempt (the loop and the back-off are {@link MailWorker}'s).
 */
public abstract class QueueDispatcher<M extends MailQueue.Claimed> extends MailWorker {

    private final MailQueue<M> queue;

    protected QueueDispatcher(String name, String kind, MailQueue<M> queue, Mailer mailer,
            NotificationProperties properties) {
        super(name, kind, mailer, properties);
        this.queue = queue;
    }

    /** The mail as it goes out. */
    protected abstract OutgoingMail compose(M mail);

    @Override
    protected int dispatchBatch() {
        List<M> batch = queue.claim(settings.batchSize(), settings.lease());
        for (M mail : batch) {
            try {
                mailer.send(compose(mail).withMessageId(mail.id()));
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
