package de.stadtretter.notification.subscriptions.delivery;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;
import de.stadtretter.notification.mail.QueueDispatcher;
import de.stadtretter.notification.subscriptions.delivery.ConfirmationMails.DueConfirmation;
import de.stadtretter.notification.subscriptions.domain.SubscriptionTokens;

/** Sends the queued double opt-in mails, with retries and back-off like every mail. */
@Component
public class ConfirmationMailDispatcher extends QueueDispatcher<DueConfirmation> {

    public static final String KIND = "confirmation";
    public static final String SUBJECT = "Bitte bestätigen Sie Ihr Abonnement bei Stadtretter";

    private final Links links;
    private final SubscriptionTokens tokens;
    private final long validDays;

    public ConfirmationMailDispatcher(ConfirmationMails mails, Mailer mailer, Links links, SubscriptionTokens tokens,
            NotificationProperties properties) {
        super("confirmation-mail-dispatcher", KIND, mails, mailer, properties);
        this.links = links;
        this.tokens = tokens;
        this.validDays = Math.max(1, properties.confirmationValidity().toDays());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(ConfirmationMails.Queued queued) {
        mailer.countQueued(kind, 1);
        wakeUp();
    }

    @Override
    protected OutgoingMail compose(DueConfirmation mail) {
        String unsubscribeToken = tokens.unsubscribeToken(mail.subscriptionId());
        return new OutgoingMail(KIND, mail.recipient(), null, SUBJECT, "confirmation",
                Map.of("confirmUrl", links.confirm(mail.token()), "topicLabels", mail.topicLabels(),
                        "validDays", validDays, "homeUrl", links.home()),
                links.unsubscribe(unsubscribeToken), links.oneClickUnsubscribe(unsubscribeToken));
    }
}
