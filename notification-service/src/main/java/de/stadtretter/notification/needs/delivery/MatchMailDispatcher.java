package de.stadtretter.notification.needs.delivery;

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
import de.stadtretter.notification.needs.delivery.MatchMails.DueMatchMail;

/** Mails each match to the need's watchers, with the reasons and the links. */
@Component
public class MatchMailDispatcher extends QueueDispatcher<DueMatchMail> {

    public static final String KIND = "match-found";

    private final Links links;

    public MatchMailDispatcher(MatchMails mails, Mailer mailer, Links links, NotificationProperties properties) {
        super("match-mail-dispatcher", KIND, mails, mailer, properties);
        this.links = links;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(MatchMails.Queued queued) {
        // counted once the mails are committed to the queue
        mailer.countQueued(kind, queued.count());
        wakeUp();
    }

    @Override
    protected OutgoingMail compose(DueMatchMail mail) {
        boolean isCase = mail.kind().equals("CASE");
        Map<String, Object> model = new HashMap<>();
        model.put("needTitle", mail.needTitle());
        model.put("itemTitle", mail.itemTitle());
        model.put("isCase", isCase);
        model.put("reasons", mail.reasons());
        model.put("itemUrl", isCase ? links.caseDetails(mail.itemId()) : links.partner(mail.itemId()));
        model.put("needUrl", links.need(mail.needId()));
        model.put("homeUrl", links.home());
        String subject = (isCase ? "Neues Praxisbeispiel" : "Neuer Partner") + " zu Ihrem Bedarf „"
                + mail.needTitle() + "“";
        return new OutgoingMail(KIND, mail.recipient(), null, subject, "match-found", model, null, null);
    }
}
