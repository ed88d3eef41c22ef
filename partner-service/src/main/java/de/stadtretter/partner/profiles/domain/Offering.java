package de.stadtretter.partner.profiles.domain;

import java.util.List;
import java.util.UUID;

/** A service a partner offers ("Leistung"), e.g. a vacancy register with brokerage, priced per project. */
public record Offering(UUID id, String title, String description, List<String> topics, List<String> regions,
        String priceModel) {

    public Offering {
        topics = topics == null ? List.of() : List.copyOf(topics);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public Offering withId(UUID newId) {
        return new Offering(newId, title, description, topics, regions, priceModel);
    }
}
