package de.stadtretter.notification.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A table of mails waiting to be sent, one row each (contact requests, matches): claimed in batches, then marked
 * sent, failed for good, or due again later. {@link QueueDispatcher} sends them.
 *
 * @param <M> a claimed mail with what is needed to write it
 */
public interface MailQueue<M extends MailQueue.Claimed> {

    /** A claimed mail: its row and how many attempts it has had, this one included. */
    interface Claimed {
        UUID id();

        int attempts();

        /** The W3C traceparent of the work that queued the mail, where the queue keeps it (null: none). */
        default String traceParent() {
            return null;
        }
    }

    /** Claims up to {@code limit} due mails, each counting as an attempt and reserved for {@code lease}. */
    List<M> claim(int limit, Duration lease);

    void markSent(UUID id);

    void markFailed(UUID id, String error);

    void retryLater(UUID id, Duration backoff, String error);
}
