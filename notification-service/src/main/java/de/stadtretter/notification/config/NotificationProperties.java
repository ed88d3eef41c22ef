package de.stadtretter.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code stadtretter.notification}.
 *
 * @param publicBaseUrl where people reach the platform (the gateway); every link in a mail starts with it
 * @param mailFrom the sender of every mail, e.g. {@code Stadtretter <noreply@stadtretter.local>}
 * @param tokenSecret key of the HMAC that derives a subscription's unsubscribe token (must be secret in production)
 * @param confirmationValidity how long a confirmation link stays valid
 * @param confirmationMailLimit confirmation mails to one address per {@code confirmationMailWindow}; further
 *        requests in that window are answered as usual but send nothing (protection against mail bombing)
 * @param confirmationMailWindow the window of {@code confirmationMailLimit}
 * @param clientRequestLimit subscription requests per client address and {@code clientRequestWindow}; beyond it 429
 * @param clientRequestWindow the window of {@code clientRequestLimit}
 * @param dispatcher sending of the queued mails
 * @param digest the digests and immediate mails
 * @param unsubscribeMailbox the mailbox of the {@code mailto:} in {@code List-Unsubscribe}: the operator unsubscribes
 *        the sender of a mail to it (the subject carries the token); mail programs prefer the one-click URL
 * @param impressum the sender's legal notice (§ 5 DDG) at the foot of every mail, one line each
 */
@ConfigurationProperties("stadtretter.notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("Stadtretter <noreply@stadtretter.local>") String mailFrom,
        String tokenSecret,
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("3") int confirmationMailLimit,
        @DefaultValue("1h") Duration confirmationMailWindow,
        @DefaultValue("10") int clientRequestLimit,
        @DefaultValue("1h") Duration clientRequestWindow,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Digest digest,
        @DefaultValue("abmelden@stadtretter.local") String unsubscribeMailbox,
        @DefaultValue({"Stadtretter – Netzwerk für lebendige Innenstädte", "Betreiber: siehe Impressum im Portal"})
        java.util.List<String> impressum) {

    /** The secret used when none is configured: fine on a developer machine, never in production. */
    public static final String DEV_TOKEN_SECRET = "stadtretter-local-development-only";

    public NotificationProperties {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        if (tokenSecret == null || tokenSecret.isBlank()) {
            tokenSecret = DEV_TOKEN_SECRET;
        }
    }

    /**
     * @param pollInterval how often the dispatcher looks for due mails it was not woken up for (retries, leftovers)
     * @param batchSize mails claimed at a time
     * @param maxAttempts attempts per mail before it is given up (status FAILED)
     * @param initialBackoff pause after the first failed attempt; it doubles with each further one
     * @param maxBackoff the longest pause between attempts
     * @param lease how long a claimed mail is reserved for the instance sending it
     * @param senders parallel SMTP connections of the digest dispatcher (each sends its batch over one connection)
     */
    public record Dispatcher(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("24") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("2h") Duration maxBackoff,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("6") int senders) {}

    /**
     * @param schedule whether this instance takes part in the schedule (all replicas may: db-scheduler lets exactly
     *        one of them run each digest)
     * @param dailyCron when the daily digest goes out (Spring cron, in {@code zone})
     * @param weeklyCron when the weekly digest goes out
     * @param zone the time zone of the crons
     * @param immediateInterval how often the immediate mails are gathered and sent
     * @param pollingInterval how often the scheduler looks for due runs
     * @param maxItems items shown in one mail at most; the rest are linked to in the portal
     * @param batchSize subscribers handled in one transaction of a run
     * @param lookback only items that became available within this time before a run are candidates for it
     */
    public record Digest(
            @DefaultValue("true") boolean schedule,
            @DefaultValue("0 0 7 * * *") String dailyCron,
            @DefaultValue("0 0 7 * * MON") String weeklyCron,
            @DefaultValue("Europe/Berlin") java.time.ZoneId zone,
            @DefaultValue("1m") Duration immediateInterval,
            @DefaultValue("10s") Duration pollingInterval,
            @DefaultValue("20") int maxItems,
            @DefaultValue("500") int batchSize,
            @DefaultValue("30d") Duration lookback) {}
}
