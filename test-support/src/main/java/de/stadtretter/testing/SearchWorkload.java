package de.stadtretter.testing;

import java.util.List;

/**
 * The requests of the search benchmarks (the platform's {@code SearchBenchmark} and catalog-service's in-process
 * {@code SearchIndexBenchmark}), so that both measure the same work: 20 German queries (words, inflected forms,
 * compounds, typos, synonyms), each with a topic and a town-type filter whose pairs vary, and 20 prefixes for
 * suggestions.
 */
public final class SearchWorkload {

    public static final List<String> QUERIES = List.of("Leerstand", "Wochenmarkt", "Fahrradparken", "Kundenkarte",
            "Stadtmarketing", "Zwischennutzung", "Fassadenprogramm", "Lastenräder", "Citymanagement",
            "Förderantrag Innenstadt", "Eigentümer ansprechen", "Wochenmärkten", "Innenstadtentwicklung",
            "Stadtmarketng", "Kümmerer", "Pop-up-Stores", "Shuttlebus Altstadt", "Beteiligung gescheitert",
            "Frequenzmessung", "Stadtgutschein");
    public static final List<String> TOPICS = List.of("leerstand", "erlebnisraum", "handel-innovation", "marketing",
            "stadtgestaltung", "mobilitaet", "organisation", "events", "foerderung", "citylogistik");
    public static final List<String> TOWN_TYPES = List.of("11", "12", "21", "22", "30", "40", "50");
    public static final List<String> PREFIXES = List.of("Lee", "Woch", "Fahr", "Kund", "Stadtm", "Zwi", "Fass",
            "Last", "City", "För", "Eig", "Pop", "Shu", "Bet", "Freq", "Gut", "Inn", "Mar", "Bre", "Mün");

    /** The i-th search: its query, topic and town type. */
    public record Search(String q, String topic, String townType) {}

    private SearchWorkload() {}

    public static Search search(int i) {
        return new Search(QUERIES.get(i % QUERIES.size()), TOPICS.get((i * 7) % TOPICS.size()),
                TOWN_TYPES.get((i * 3) % TOWN_TYPES.size()));
    }

    public static String prefix(int i) {
        return PREFIXES.get(i % PREFIXES.size());
    }
}
