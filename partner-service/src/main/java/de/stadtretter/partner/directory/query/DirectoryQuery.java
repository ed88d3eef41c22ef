package de.stadtretter.partner.directory.query;

/**
 * A directory search: words ({@code null} for all), a topic and a region (state code or {@code DE}), the order and
 * the page.
 */
public record DirectoryQuery(String q, String topic, String region, Sort sort, int page, int size) {

    public enum Sort {
        /** Relevance to the words and the topic, weighted by the evidence (the default). */
        EVIDENCE,
        /** Alphabetically by name (German collation). */
        NAME
    }
}
