package de.stadtretter.notification.needs.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.matching.need.closed.v1} (matching-service,
 * events/matching.need.v1/): the need is closed, its watches and pending mails go.
 */
public record NeedClosed(@NotNull UUID needId, @NotNull Instant closedAt) {

    public static final String TYPE = "de.stadtretter.matching.need.closed.v1";
}
