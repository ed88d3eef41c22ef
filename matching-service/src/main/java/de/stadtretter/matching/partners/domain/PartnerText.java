package de.stadtretter.matching.partners.domain;

import java.util.List;
import java.util.UUID;

/**
 * A verified partner as the recommendations see it: its public text, topics (of the profile and its offerings),
 * regions (Land codes, {@code DE} for nationwide) and the published cases the towns confirmed it worked on.
 */
public record PartnerText(UUID partnerId, String name, String description, List<String> topics, List<String> regions,
        List<Offering> offerings, List<UUID> confirmedCases) {

    public static final String NATIONWIDE = "DE";

    public PartnerText {
        topics = List.copyOf(topics);
        regions = List.copyOf(regions);
        offerings = List.copyOf(offerings);
        confirmedCases = List.copyOf(confirmedCases);
    }

    public record Offering(String title, String description, List<String> topics) {
        public Offering {
            topics = List.copyOf(topics);
        }
    }

    /** Whether it works in this Land (or nationwide). */
    public boolean serves(String landCode) {
        return regions.contains(NATIONWIDE) || landCode != null && regions.contains(landCode);
    }
}
