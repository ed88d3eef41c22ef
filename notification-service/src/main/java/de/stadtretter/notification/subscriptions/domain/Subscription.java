package de.stadtretter.notification.subscriptions.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber's e-mail address and topics. {@code topics} are the ones mails are sent for while the subscription
 * is confirmed; {@code requestedTopics} wait for the confirmation of the latest request.
 */
public record Subscription(
        UUID id,
        String email,
        List<String> topics,
        List<String> requestedTopics,
        SubscriptionStatus status,
        Instant confirmationExpiresAt,
        Instant createdAt,
        Instant confirmedAt,
        Instant unsubscribedAt) {

    public boolean confirmationExpired(Instant now) {
        return confirmationExpiresAt != null && !confirmationExpiresAt.isAfter(now);
    }
}
