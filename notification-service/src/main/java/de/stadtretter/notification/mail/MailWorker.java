package de.stadtretter.notification.mail;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import de.stadtretter.notification.config.NotificationProperties;

/**
 * Sends the mails of one queue table on a background thread of its own. It is woken right after a transaction that
 * queued mails commits ({@link #wakeUp()}), and looks for due mails every {@code poll-interval} anyway (retries,
 * mails queued by another instance, mails whose sender died). A failed mail is tried again with growing pauses and
 * given up after {@code max-attempts}. Subclasses claim their due mails (with {@code skip locked}, so several
 * instances can run) and send them.
 */
public abstract class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    protected final NotificationProperties.Dispatcher settings;
    protected final Mailer mailer;
    protected final String kind;
    private final String name;
    private final Semaphore wakeUp = new Semaphore(0);
    private final int workers;
    private volatile boolean running;
    private final java.util.List<Thread> threads = new java.util.ArrayList<>();

    protected MailWorker(String name, String kind, Mailer mailer, NotificationProperties properties) {
        this(name, kind, mailer, properties, 1);
    }

    /** With {@code workers} threads, each claiming and sending its own batches (SMTP is latency-bound). */
    protected MailWorker(String name, String kind, Mailer mailer, NotificationProperties properties, int workers) {
        this.workers = Math.max(1, workers);
        this.name = name;
        this.kind = kind;
        this.mailer = mailer;
        this.settings = properties.dispatcher();
    }

    /** Claims and sends one batch of due mails; returns how many were claimed. */
    protected abstract int dispatchBatch();

    public void wakeUp() {
        wakeUp.release(workers);
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().name(workers == 1 ? name : name + "-" + (i + 1)).daemon()
                    .start(this::run));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        for (Thread worker : threads) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
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
                log.warn("{}: dispatch round failed; trying again in {}", name, settings.pollInterval(), e);
            }
        }
    }

    /** The pause after {@code attempts} failed attempts: doubling from {@code initial-backoff} up to the maximum. */
    public Duration backoff(int attempts) {
        Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
    }

    /** What happens to a mail after a failed attempt. */
    public interface Failure {
        void giveUp(String error);

        void retryLater(Duration backoff, String error);
    }

    /**
     * Decides, after a failed attempt, whether to try again later or give up; logs and counts it either way. A
     * permanent refusal of the SMTP server (a 5xx reply, e.g. an unknown mailbox) or an address that cannot be
     * written is given up at once; anything else (the server is down, a 4xx reply) is tried again.
     */
    protected void failed(Object id, int attempts, RuntimeException e, Failure failure) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean permanent = isPermanent(e);
        if (permanent || attempts >= settings.maxAttempts()) {
            failure.giveUp(error);
            mailer.countFailure(kind);
            log.error("Mail {} given up after {} attempts{}: {}", id, attempts, permanent ? " (permanent)" : "", error);
        } else {
            Duration backoff = backoff(attempts);
            failure.retryLater(backoff, error);
            mailer.countRetry(kind);
            log.warn("Mail {} failed (attempt {}), next attempt in {}: {}", id, attempts, backoff, error);
        }
    }

    /** A 5xx reply of the SMTP server, or an address that is not one. */
    public static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.mail.internet.AddressException) {
                return true;
            }
            if (t instanceof jakarta.mail.SendFailedException && smtpReturnCode(t) >= 500) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception nested : send.getFailedMessages().values()) {
                    if (nested != t && isPermanent(nested)) {
                        return true;
                    }
                }
            }
            if (t instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != t.getCause() && isPermanent(messaging.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SMTP reply code of Angus Mail's {@code SMTPSendFailedException} / {@code SMTPAddressFailedException} (the
     * implementation is a runtime dependency only, so it is read by name), or 0.
     */
    static int smtpReturnCode(Throwable t) {
        if (!t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
            return 0;
        }
        try {
            return (int) t.getClass().getMethod("getReturnCode").invoke(t);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return 0;
        }
    }
}
