package de.stadtretter.notification.partners.delivery;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;
import de.stadtretter.notification.mail.QueueDispatcher;
import de.stadtretter.notification.partners.delivery.ContactMails.DueContactMail;

/** Mails each contact request to the partner's contact address, with the sender as {@code Reply-To}. */
@Component
public class ContactMailDispatcher extends QueueDispatcher<DueContactMail> {

    public static final String KIND = "contact-request";

    private final Links links;

    public ContactMailDispatcher(ContactMails mails, Mailer mailer, Links links, NotificationProperties properties) {
        super("contact-mail-dispatcher", KIND, mails, mailer, properties);
        this.links = links;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(ContactMails.Queued queued) {
        // counted once the mails are committed to the queue
        mailer.countQueued(kind, 1);
        wakeUp();
    }

    @Override
    protected OutgoingMail compose(DueContactMail mail) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", mail.recipientName());
        model.put("partnerName", mail.partnerName());
        model.put("senderName", mail.senderName());
        model.put("senderTown", mail.senderTown());
        model.put("subject", mail.subject());
        model.put("message", mail.message());
        model.put("replyTo", mail.replyTo());
        model.put("homeUrl", links.home());
        return new OutgoingMail(KIND, mail.recipient(), mail.replyTo(), "Anfrage über Stadtretter: " + mail.subject(),
                "contact-request", model, null, null);
    }
}
