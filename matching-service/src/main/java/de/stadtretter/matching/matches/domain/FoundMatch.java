package de.stadtretter.matching.matches.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published or updated case or partner that fits an open need above the threshold.
 *
 * @param itemTitle the case's title or the partner's name (public data)
 * @param reasons the German reasons, as the recommendations show them
 */
public record FoundMatch(UUID needId, String ags, String needTitle, Kind itemKind, UUID itemId, String itemTitle,
        double score, List<String> reasons, Instant foundAt) {

    public enum Kind {
        CASE, PARTNER
    }

    public FoundMatch {
        reasons = List.copyOf(reasons);
    }
}
