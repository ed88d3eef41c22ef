package de.stadtretter.catalog.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.Query;

import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * The hits of a search and its multi-select facet counts: every facet is counted with the filters of all other
 * facets (drill sideways). Computed as one Lucene search for the hits (with the counts of the facets without a
 * selection) plus one per facet with a selection, each without that facet's filter; on this catalogue that is
 * cheaper than Lucene's {@code DrillSideways}, which walks every case matching the text, and it yields the hits as
 * doc id sets, so that ranking only has to score them.
 */
final class SearchFacets {

    /** Budget buckets: each is "up to" its value, to be passed as {@code budgetMax}. */
    static final long[] BUDGET_BUCKETS = {10_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000};
    private static final LongRange[] BUDGET_RANGES = Arrays.stream(BUDGET_BUCKETS)
            .mapToObj(upTo -> new LongRange(Long.toString(upTo), 0, true, upTo, true))
            .toArray(LongRange[]::new);

    static final List<String> DIMS = List.of(CaseDocuments.DIM_TOPIC, CaseDocuments.DIM_LAND,
            CaseDocuments.DIM_TOWN_TYPE, CaseDocuments.DIM_PROJECT_STATUS);
    private static final Map<String, String> PROJECT_STATUS_LABELS = Map.of(
            "PLANNED", "geplant", "RUNNING", "laufend", "COMPLETED", "abgeschlossen");

    /** The hits (all of them, as doc id sets) and the facet counts. */
    record Counted(int total, FacetsCollector hits, Facets facets) {}

    /** The query of a search with the filters of all selected facets but {@code exceptDim} (null: all). */
    @FunctionalInterface
    interface Filtered {
        Query without(String exceptDim);
    }

    private final ReferenceData referenceData;
    private final Map<String, String> landNames;

    SearchFacets(ReferenceData referenceData) {
        this.referenceData = referenceData;
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 1; i <= 16; i++) {
            referenceData.land("%02d".formatted(i)).ifPresent(l -> names.put(l.code(), l.name()));
        }
        this.landNames = Map.copyOf(names);
    }

    Map<String, String> landNames() {
        return landNames;
    }

    Counted count(SearchIndex.FacetedSearcher searcher, SearchRequest request, Filtered query) throws IOException {
        FacetsCollector hits = searcher.search(query.without(null), new FacetsCollectorManager());
        int total = hits.getMatchingDocs().stream().mapToInt(FacetsCollector.MatchingDocs::totalHits).sum();
        Map<String, Facets> byDim = new HashMap<>();
        FacetsCollector budgetHits = hits;
        for (String dim : selectedDims(request)) {
            FacetsCollector sideways = searcher.search(query.without(dim), new FacetsCollectorManager());
            if (CaseDocuments.BUDGET.equals(dim)) {
                budgetHits = sideways;
            } else {
                byDim.put(dim, new SortedSetDocValuesFacetCounts(searcher.facetState(), sideways));
            }
        }
        byDim.put(CaseDocuments.BUDGET, new LongRangeFacetCounts(CaseDocuments.BUDGET, budgetHits, BUDGET_RANGES));
        Facets facets = new MultiFacets(byDim, new SortedSetDocValuesFacetCounts(searcher.facetState(), hits));
        return new Counted(total, hits, facets);
    }

    /** The selected values of each sorted-set facet. */
    static Map<String, List<String>> selections(SearchRequest request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put(CaseDocuments.DIM_TOPIC, request.topics());
        out.put(CaseDocuments.DIM_LAND, request.laender());
        out.put(CaseDocuments.DIM_TOWN_TYPE, request.townTypes());
        out.put(CaseDocuments.DIM_PROJECT_STATUS, request.projectStatuses());
        return out;
    }

    private static List<String> selectedDims(SearchRequest request) {
        List<String> dims = new ArrayList<>();
        selections(request).forEach((dim, values) -> {
            if (!values.isEmpty()) {
                dims.add(dim);
            }
        });
        if (request.budgetMax() != null) {
            dims.add(CaseDocuments.BUDGET);
        }
        return dims;
    }

    /** The counts with German labels, per facet. */
    Map<String, List<SearchResult.FacetValue>> labelled(Facets facets, SearchRequest request) throws IOException {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        out.put(CaseDocuments.DIM_TOPIC, values(facets, CaseDocuments.DIM_TOPIC, request.topics(),
                id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id)));
        out.put(CaseDocuments.DIM_LAND, values(facets, CaseDocuments.DIM_LAND, request.laender(),
                code -> landNames.getOrDefault(code, code)));
        out.put(CaseDocuments.DIM_TOWN_TYPE, values(facets, CaseDocuments.DIM_TOWN_TYPE, request.townTypes(),
                code -> referenceData.townTypes().containsKey(code)
                        ? referenceData.townTypes().get(code).labelDe() : code));
        out.put(CaseDocuments.DIM_PROJECT_STATUS, values(facets, CaseDocuments.DIM_PROJECT_STATUS,
                request.projectStatuses(), s -> PROJECT_STATUS_LABELS.getOrDefault(s, s)));
        List<SearchResult.FacetValue> budget = new ArrayList<>();
        FacetResult ranges = facets.getAllChildren(CaseDocuments.BUDGET);
        if (ranges != null) {
            for (LabelAndValue range : ranges.labelValues) {
                budget.add(new SearchResult.FacetValue(range.label, budgetLabel(Long.parseLong(range.label)),
                        range.value.longValue()));
            }
        }
        out.put(CaseDocuments.BUDGET, budget);
        return out;
    }

    static Map<String, List<SearchResult.FacetValue>> empty() {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (String dim : DIMS) {
            out.put(dim, List.of());
        }
        out.put(CaseDocuments.BUDGET, List.of());
        return out;
    }

    /** Every value with a count, most first; the selected ones also when nothing else matches them. */
    private static List<SearchResult.FacetValue> values(Facets facets, String dim, List<String> selected,
            Function<String, String> label) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        FacetResult result;
        try {
            result = facets.getAllChildren(dim);
        } catch (IllegalArgumentException noValuesYet) {
            result = null;
        }
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                counts.put(lv.label, lv.value.longValue());
            }
        }
        selected.forEach(value -> counts.putIfAbsent(value, 0L));
        return counts.entrySet().stream()
                .map(e -> new SearchResult.FacetValue(e.getKey(), label.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
                        .thenComparing(SearchResult.FacetValue::label))
                .toList();
    }

    static String budgetLabel(long upTo) {
        if (upTo >= 1_000_000 && upTo % 1_000_000 == 0) {
            return "bis " + (upTo / 1_000_000) + " Mio. €";
        }
        return "bis " + String.format(Locale.GERMANY, "%,d", upTo) + " €";
    }
}
