package de.stadtretter.notification.digests.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.digests.delivery.DigestMails.DueDigest;
import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.mail.MailWorker;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;

/**
 * Sends the queued digests ({@code digest_mail}; the loop, retries and back-off are {@link MailWorker}'s). A digest
 * to a subscription that ended or paused meanwhile, or whose items were all withdrawn, is cancelled instead.
 * Each of its {@code senders} threads sends a claimed batch over one SMTP connection. Its Message-ID is derived from
 * the row, so a digest sent again after a crash is recognisable as the same.
 */
@Component
public class DigestMailDispatcher extends MailWorker {

    private final DigestMails mails;
    private final DigestComposer composer;

    public DigestMailDispatcher(DigestMails mails, DigestComposer composer, Mailer mailer,
            NotificationProperties properties) {
        super("digest-dispatcher", DigestComposer.KIND, mailer, properties, properties.dispatcher().senders());
        this.mails = mails;
        this.composer = composer;
    }

    @Override
    protected int dispatchBatch() {
        List<DueDigest> batch = mails.claim(settings.batchSize(), settings.lease());
        Map<OutgoingMail, DueDigest> outgoing = new LinkedHashMap<>();
        Map<java.util.UUID, List<DigestItem>> itemsOfBatch = mails.items(batch.stream().filter(DueDigest::active)
                .map(DueDigest::id).toList());
        for (DueDigest mail : batch) {
            if (!mail.active()) {
                mails.cancel(mail.id(), "subscription no longer active");
                continue;
            }
            List<DigestItem> items = itemsOfBatch.getOrDefault(mail.id(), List.of());
            if (items.isEmpty()) {
                mails.cancel(mail.id(), "all items withdrawn");
                continue;
            }
            outgoing.put(composer.compose(mail, items).withMessageId(mail.id()), mail);
        }
        Map<OutgoingMail, Exception> failed = outgoing.isEmpty() ? Map.of()
                : mailer.sendAll(List.copyOf(outgoing.keySet()));
        mails.markSent(outgoing.entrySet().stream().filter(e -> !failed.containsKey(e.getKey()))
                .map(e -> e.getValue().id()).toList());
        outgoing.forEach((out, mail) -> {
            Exception error = failed.get(out);
            if (error == null) {
                return;
            }
            RuntimeException e = error instanceof RuntimeException r ? r : new IllegalStateException(error);
            failed(mail.id(), mail.attempts(), e, new Failure() {
                @Override
                public void giveUp(String reason) {
                    mails.markFailed(mail.id(), reason);
                }

                @Override
                public void retryLater(Duration backoff, String reason) {
                    mails.retryLater(mail.id(), backoff, reason);
                }
            });
        });
        return batch.size();
    }
}
