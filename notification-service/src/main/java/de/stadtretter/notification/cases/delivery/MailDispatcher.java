package de.stadtretter.notification.cases.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.notification.cases.delivery.MailDeliveries.DueMail;
import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.mail.MailWorker;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;
import de.stadtretter.notification.subscriptions.domain.SubscriptionTokens;

/**
 * Sends the queued mails about published cases (table {@code mail_delivery}; the loop, retries and backoff are
 * {@link MailWorker}'s). A mail to a subscription that is no longer confirmed is cancelled instead.
 */
@Component
public class MailDispatcher extends MailWorker {

    public static final String KIND = "case-published";

    private final MailDeliveries deliveries;
    private final Mailer mailer;
    private final Links links;
    private final SubscriptionTokens tokens;
    private final ReferenceData referenceData;

    public MailDispatcher(MailDeliveries deliveries, Mailer mailer, Links links, SubscriptionTokens tokens,
            ReferenceData referenceData, NotificationProperties properties) {
        super("mail-dispatcher", properties);
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.links = links;
        this.tokens = tokens;
        this.referenceData = referenceData;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(DeliveriesQueued queued) {
        wakeUp();
    }

    /** Claims and sends one batch of due mails; returns how many were claimed. */
    @Override
    protected int dispatchBatch() {
        List<DueMail> batch = deliveries.claim(settings.batchSize(), settings.lease());
        for (DueMail mail : batch) {
            dispatch(mail);
        }
        return batch.size();
    }

    private void dispatch(DueMail mail) {
        if (!"CONFIRMED".equals(mail.subscriptionStatus())) {
            deliveries.markCancelled(mail.id(), "subscription is " + mail.subscriptionStatus());
            return;
        }
        try {
            mailer.send(compose(mail));
            deliveries.markSent(mail.id());
        } catch (RuntimeException e) {
            failed(mail.id(), mail.attempts(), e, new Failure() {
                @Override
                public void giveUp(String error) {
                    deliveries.markFailed(mail.id(), error);
                    mailer.countFailure(KIND);
                }

                @Override
                public void retryLater(Duration backoff, String error) {
                    deliveries.retryLater(mail.id(), backoff, error);
                }
            });
        }
    }

    private OutgoingMail compose(DueMail mail) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", mail.title());
        model.put("teaser", mail.teaser());
        model.put("municipality", municipality(mail));
        model.put("topicLabels", mail.topics().stream()
                .map(id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id)).toList());
        model.put("caseUrl", links.caseDetails(mail.caseId()));
        String unsubscribeToken = tokens.unsubscribeToken(mail.subscriptionId());
        return new OutgoingMail(KIND, mail.recipient(), null, mail.subject(), "case-published", model,
                links.unsubscribe(unsubscribeToken), links.oneClickUnsubscribe(unsubscribeToken));
    }

    private String municipality(DueMail mail) {
        String land = referenceData.land(mail.ags()).map(ReferenceData.Land::name).orElse(null);
        if (mail.municipalityName() == null || mail.municipalityName().isBlank()) {
            return land;
        }
        return land == null ? mail.municipalityName() : mail.municipalityName() + " (" + land + ")";
    }
}
