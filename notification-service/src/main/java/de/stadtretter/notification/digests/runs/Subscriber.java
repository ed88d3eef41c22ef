package de.stadtretter.notification.digests.runs;

import java.time.Instant;
import java.util.UUID;

import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.DigestItems.Candidate;
import de.stadtretter.notification.subscriptions.domain.Preferences;

/** A confirmed, active subscription as a digest run sees it. */
public record Subscriber(UUID id, String email, Preferences preferences, Instant confirmedAt) {

    /**
     * Whether the item is for this subscriber: of a kind they asked for, on one of their topics, in one of their
     * Länder and town types (empty: all; a nationwide item is in every Land, an item without a town type in every
     * type), and news since they subscribed.
     */
    public boolean wants(Candidate candidate) {
        DigestItem item = candidate.item();
        if (confirmedAt != null && !candidate.receivedAt().isAfter(confirmedAt)) {
            return false;
        }
        if (!preferences.kinds().contains(item.kind().subscribedAs())) {
            return false;
        }
        if (item.topics().stream().noneMatch(preferences.topics()::contains)) {
            return false;
        }
        if (!preferences.laender().isEmpty() && !item.laender().isEmpty()
                && item.laender().stream().noneMatch(preferences.laender()::contains)) {
            return false;
        }
        return preferences.townTypes().isEmpty() || item.townType() == null
                || preferences.townTypes().contains(item.townType());
    }
}
