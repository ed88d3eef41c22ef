package de.stadtretter.notification.digests.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.digests.delivery.DigestMails.DueDigest;
import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.mail.MailWorker;
import de.stadtretter.notification.mail.Mailer;

/**
 * Sends the queued digests ({@code digest_mail}; the loop, retries and back-off are {@link MailWorker}'s). A digest
 * to a subscription that ended or paused meanwhile, or whose items were all withdrawn, is cancelled instead.
 * Its Message-ID is derived from the row, so a digest sent again after a crash is recognisable as the same.
 */
@Component
public class DigestMailDispatcher extends MailWorker {

    private final DigestMails mails;
    private final DigestComposer composer;

    public DigestMailDispatcher(DigestMails mails, DigestComposer composer, Mailer mailer,
            NotificationProperties properties) {
        super("digest-dispatcher", DigestComposer.KIND, mailer, properties);
        this.mails = mails;
        this.composer = composer;
    }

    @Override
    protected int dispatchBatch() {
        List<DueDigest> batch = mails.claim(settings.batchSize(), settings.lease());
        for (DueDigest mail : batch) {
            dispatch(mail);
        }
        return batch.size();
    }

    private void dispatch(DueDigest mail) {
        if (!mail.active()) {
            mails.cancel(mail.id(), "subscription no longer active");
            return;
        }
        List<DigestItem> items = mails.items(mail.id());
        if (items.isEmpty()) {
            mails.cancel(mail.id(), "all items withdrawn");
            return;
        }
        try {
            mailer.send(composer.compose(mail, items).withMessageId(mail.id()));
            mails.markSent(mail.id());
        } catch (RuntimeException e) {
            failed(mail.id(), mail.attempts(), e, new Failure() {
                @Override
                public void giveUp(String error) {
                    mails.markFailed(mail.id(), error);
                }

                @Override
                public void retryLater(Duration backoff, String error) {
                    mails.retryLater(mail.id(), backoff, error);
                }
            });
        }
    }
}
