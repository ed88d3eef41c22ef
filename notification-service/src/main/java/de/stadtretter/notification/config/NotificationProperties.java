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
 * @param dispatcher sending of the queued mails
 */
@ConfigurationProperties("stadtretter.notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("Stadtretter <noreply@stadtretter.local>") String mailFrom,
        String tokenSecret,
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("3") int confirmationMailLimit,
        @DefaultValue("1h") Duration confirmationMailWindow,
        @DefaultValue Dispatcher dispatcher) {

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
     */
    public record Dispatcher(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("2m") Duration lease) {}
}
