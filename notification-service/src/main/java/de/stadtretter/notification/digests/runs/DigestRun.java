package de.stadtretter.notification.digests.runs;

import java.time.Instant;
import java.util.UUID;

import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;

/**
 * One run of a digest: for {@code slot}, the items received after {@code since}; {@code cursor} is the last
 * subscriber done (null: none yet).
 */
public record DigestRun(UUID id, Frequency frequency, Instant slot, Instant since, UUID cursor, int mails,
        Instant startedAt, Instant finishedAt) {
}
