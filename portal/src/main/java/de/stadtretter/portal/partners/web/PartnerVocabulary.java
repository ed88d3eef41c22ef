package de.stadtretter.portal.partners.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.map.LaenderMap;

/** The German words of the partner pages: topic labels (from catalog-service), Länder, company sizes. */
@Component
public class PartnerVocabulary {

    public static final String NATIONWIDE = "DE";

    /** Employee classes (EU definition of SMEs). */
    public static final Map<String, String> SIZES = sizes();

    private final CatalogClient catalog;
    private final Map<String, String> regions = new LinkedHashMap<>();

    PartnerVocabulary(CatalogClient catalog, LaenderMap map) {
        this.catalog = catalog;
        regions.put(NATIONWIDE, "Bundesweit");
        map.laender().forEach(l -> regions.put(l.code(), l.name()));
    }

    /** Topic id → German label, in the order of the topic list. */
    public Map<String, String> topics() {
        Map<String, String> labels = new LinkedHashMap<>();
        catalog.topics().forEach(t -> labels.put(t.id(), t.labelDe()));
        return labels;
    }

    /** "DE" (nationwide) first, then the Länder. */
    public Map<String, String> regions() {
        return regions;
    }

    public String regionNames(List<String> codes) {
        return String.join(", ", codes.stream().map(c -> regions.getOrDefault(c, c)).toList());
    }

    public static String topicNames(List<String> ids, Map<String, String> labels) {
        return String.join(", ", ids.stream().map(t -> labels.getOrDefault(t, t)).toList());
    }

    private static Map<String, String> sizes() {
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("MICRO", "bis 9 Beschäftigte");
        sizes.put("SMALL", "10 bis 49 Beschäftigte");
        sizes.put("MEDIUM", "50 bis 249 Beschäftigte");
        sizes.put("LARGE", "250 Beschäftigte und mehr");
        return sizes;
    }
}
