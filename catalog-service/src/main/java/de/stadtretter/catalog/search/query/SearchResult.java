package de.stadtretter.catalog.search.query;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import de.stadtretter.catalog.search.index.SearchSummary;

/**
 * One page of search results with the facet counts.
 *
 * @param facets per facet ({@code topic}, {@code land}, {@code townType}, {@code projectStatus}, {@code budget}) the
 *        values with their counts, each counted with the filters of all other facets (drill sideways)
 */
public record SearchResult(long totalItems, int page, int size, List<Item> items,
        Map<String, List<FacetValue>> facets) {

    /**
     * A found case: its summary, its relevance score for the query (also when sorted by date or votes; null
     * without a query) and the highlights.
     *
     * @param highlights per text field that matched, passages of the text, HTML-escaped, the matches in
     *        {@code <mark>}
     */
    public record Item(@JsonUnwrapped SearchSummary summary, Float score, Map<String, List<String>> highlights) {}

    /**
     * @param value what to pass as the filter parameter to select it
     * @param label the German label to show
     */
    public record FacetValue(String value, String label, long count) {}
}
