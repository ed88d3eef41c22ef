package de.stadtretter.notification.cases.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.notification.cases.delivery.MailDeliveries.DueMail;
import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;
import de.stadtretter.notification.subscriptions.domain.SubscriptionTokens;

/**
 * Sends the queued mails about published cases on one background thread. It is woken right after a transaction
 * that queued mails commits, and looks for due mails every {@code poll-interval} anyway (retries, mails queued by
 * another instance, mails whose sender died). A failed mail is tried again with growing pauses and given up after
 * {@code max-attempts} (status FAILED). Several instances can run: mails are claimed with {@code skip locked}.
 */
@Component
public class MailDispatcher implements SmartLifecycle {

    public static final String KIND = "case-published";

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailDeliveries deliveries;
    private final Mailer mailer;
    private final Links links;
    private final SubscriptionTokens tokens;
    private final ReferenceData referenceData;
    private final NotificationProperties.Dispatcher settings;
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;

    public MailDispatcher(MailDeliveries deliveries, Mailer mailer, Links links, SubscriptionTokens tokens,
            ReferenceData referenceData, NotificationProperties properties) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.links = links;
        this.tokens = tokens;
        this.referenceData = referenceData;
        this.settings = properties.dispatcher();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(DeliveriesQueued queued) {
        wakeUp();
    }

    public void wakeUp() {
        wakeUp.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name("mail-dispatcher").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && dispatchBatch() == settings.batchSize()) {
                    // a full batch: there may be more due right now
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Mail dispatch round failed; trying again in {}", settings.pollInterval(), e);
            }
        }
    }

    /** Claims and sends one batch of due mails; returns how many were claimed. */
    int dispatchBatch() {
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
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (mail.attempts() >= settings.maxAttempts()) {
                deliveries.markFailed(mail.id(), error);
                mailer.countFailure(KIND);
                log.error("Mail {} given up after {} attempts: {}", mail.id(), mail.attempts(), error);
            } else {
                Duration backoff = backoff(mail.attempts());
                deliveries.retryLater(mail.id(), backoff, error);
                log.warn("Mail {} failed (attempt {}), next attempt in {}: {}", mail.id(), mail.attempts(), backoff,
                        error);
            }
        }
    }

    Duration backoff(int attempts) {
        Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
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
        return new OutgoingMail(KIND, mail.recipient(), mail.subject(), "case-published", model,
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
