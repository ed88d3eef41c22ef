package de.stadtretter.notification.workflow.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;
import de.stadtretter.notification.mail.QueueDispatcher;
import de.stadtretter.notification.workflow.delivery.WorkflowMails.DueWorkflowMail;

/** Mails the editorial workflow's requests and decisions, each with its own template and a link into the portal. */
@Component
public class WorkflowMailDispatcher extends QueueDispatcher<DueWorkflowMail> {

    public static final String KIND = "workflow";

    private final Links links;

    public WorkflowMailDispatcher(WorkflowMails mails, Mailer mailer, Links links, NotificationProperties properties) {
        super("workflow-mail-dispatcher", KIND, mails, mailer, properties);
        this.links = links;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(WorkflowMails.Queued queued) {
        // counted once the mails are committed to the queue
        mailer.countQueued(kind, queued.count());
        wakeUp();
    }

    @Override
    protected OutgoingMail compose(DueWorkflowMail mail) {
        Map<String, Object> model = new HashMap<>(mail.model());
        model.put("recipientName", mail.recipientName());
        model.put("homeUrl", links.home());
        String subject = switch (mail.kind()) {
            case REFERENCE_CLAIMED -> {
                model.put("actionUrl", links.referenceInbox());
                model.put("caseUrl", links.caseDetails(UUID.fromString((String) mail.model().get("caseId"))));
                yield "Bitte bestätigen: " + model.get("partnerName") + " nennt „" + model.get("caseTitle")
                        + "“ als Referenz";
            }
            case PROFILE_VERIFIED -> {
                model.put("actionUrl", links.partner(UUID.fromString((String) mail.model().get("partnerId"))));
                yield "Ihr Partnerprofil ist freigegeben";
            }
            case PROFILE_REJECTED -> {
                model.put("actionUrl", links.myPartnerProfile());
                yield "Ihr Partnerprofil wurde nicht freigegeben";
            }
            case CASE_CHANGES_REQUESTED -> {
                model.put("actionUrl", links.myCases());
                yield "Die Redaktion bittet um Änderungen an „" + model.get("title") + "“";
            }
            case CASE_PUBLISHED -> {
                model.put("actionUrl", links.caseDetails(UUID.fromString((String) mail.model().get("caseId"))));
                yield Boolean.TRUE.equals(model.get("revision")) ? "Ihre Überarbeitung von „" + model.get("title")
                        + "“ ist veröffentlicht" : "Ihr Praxisbeispiel „" + model.get("title") + "“ ist veröffentlicht";
            }
        };
        return new OutgoingMail(KIND, mail.recipient(), null, subject, mail.kind().template, model, null, null);
    }
}
