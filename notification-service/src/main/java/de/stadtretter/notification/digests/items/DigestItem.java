package de.stadtretter.notification.digests.items;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something a subscriber can be told about: a public case, a verified partner, another town's public need.
 * {@code laender} are state codes (empty: nationwide), {@code townType} the code of the item's municipality (null if
 * it has none). {@code place} is shown with the title (the municipality, or where a partner works).
 */
public record DigestItem(ItemKind kind, UUID id, String title, String teaser, String place, List<String> topics,
        List<String> laender, String townType, Instant availableAt) {

    public DigestItem {
        topics = List.copyOf(topics);
        laender = List.copyOf(laender);
    }
}
