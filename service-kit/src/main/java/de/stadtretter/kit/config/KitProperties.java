package de.stadtretter.kit.config;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code stadtretter.kit}.
 *
 * @param serviceName the CloudEvents {@code source} of what this service publishes, e.g. {@code /catalog-service}
 * @param outbox the outbox relay
 * @param consumer retries before a record goes to its dead-letter topic
 * @param web limits of the HTTP side
 */
@ConfigurationProperties("stadtretter.kit")
public record KitProperties(
        @DefaultValue("/stadtretter") String serviceName,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Web web) {

    /**
     * @param enabled whether this service publishes through an outbox (needs the table {@code outbox_event})
     * @param pollInterval how often the relay looks for events it was not woken up for
     * @param batchSize events sent per database transaction
     */
    public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100") int batchSize) {}

    /**
     * @param maxRetries retries of a failing record before it is dead-lettered
     * @param initialBackoff the first pause between retries; each further one doubles it
     */
    /** @param maxBodySize the largest request body the service reads; larger ones are answered with 413 */
    public record Web(@DefaultValue("1MB") DataSize maxBodySize) {}

    public record Consumer(@DefaultValue("3") int maxRetries, @DefaultValue("200ms") Duration initialBackoff) {}
}
