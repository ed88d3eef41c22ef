package de.stadtretter.notification.subscriptions.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber's e-mail address and preferences. {@code preferences} are the ones mails are sent for while the
 * subscription is confirmed; {@code requested} waits for the confirmation of the latest request (null if none).
 * A paused subscription stays confirmed but gets no mails.
 */
public record Subscription(
        UUID id,
        String email,
        Preferences preferences,
        Preferences requested,
        SubscriptionStatus status,
        Instant confirmationExpiresAt,
        Instant createdAt,
        Instant confirmedAt,
        Instant unsubscribedAt,
        Instant pausedAt,
        UUID pendingConsentId) {

    public boolean confirmationExpired(Instant now) {
        return confirmationExpiresAt != null && !confirmationExpiresAt.isAfter(now);
    }

    /** The preferences a confirmation page shows: those of the pending request, else the current ones. */
    public Preferences shownPreferences() {
        return requested != null ? requested : preferences;
    }
}
