package de.stadtretter.catalog.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.FacetColumns;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * The hits of a search and its multi-select facet counts: every facet is counted with the filters of all other
 * facets (drill sideways). One pass over the cases that match the text and the other filters (dates, lessons)
 * decides for each case, from the segment's {@link FacetColumns}, which facet selections it fails:
 * <ul>
 * <li>none: it is a hit, and it counts in every facet;</li>
 * <li>exactly one: it counts only in that facet (it would be a hit if that facet's selection were widened);</li>
 * <li>more: it counts nowhere.</li>
 * </ul>
 * This is the logic of Lucene's {@code DrillSideways}, with the facet values read from arrays instead of doc values
 * per match and per facet. The hits come out as bit sets, so that ranking only has to score them.
 */
final class SearchFacets {

    /** Budget buckets: each is "up to" its value, to be passed as {@code budgetMax}. */
    static final long[] BUDGET_BUCKETS = {10_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000};

    private static final Map<String, String> PROJECT_STATUS_LABELS = Map.of(
            "PLANNED", "geplant", "RUNNING", "laufend", "COMPLETED", "abgeschlossen");

    /**
     * The hits and the counts.
     *
     * @param hits per segment (by its ord), the hits' doc ids
     * @param counts per dimension (in the order of {@link CaseDocuments#facetDimensions()}) and value, the count
     * @param budget per bucket of {@link #BUDGET_BUCKETS}, the cases whose budget is at most its value
     */
    record Counted(int total, FixedBitSet[] hits, long[][] counts, long[] budget) {}

    private final ReferenceData referenceData;
    private final List<FacetColumns.Dimension> dimensions;
    private final Map<String, String> landNames;

    SearchFacets(ReferenceData referenceData, List<FacetColumns.Dimension> dimensions) {
        this.referenceData = referenceData;
        this.dimensions = dimensions;
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 1; i <= 16; i++) {
            referenceData.land("%02d".formatted(i)).ifPresent(l -> names.put(l.code(), l.name()));
        }
        this.landNames = Map.copyOf(names);
    }

    Map<String, String> landNames() {
        return landNames;
    }

    /** The hits of {@code base} (the text and the filters that are no facets) under the request's selections. */
    Counted count(SearchIndex.CaseSearcher searcher, SearchRequest request, Query base) throws IOException {
        Selection selection = selection(request);
        return searcher.search(base, new CollectorManager<Counter, Counted>() {
            @Override
            public Counter newCollector() {
                return new Counter(searcher, selection, dimensions.size(), searcher.getIndexReader().leaves().size());
            }

            @Override
            public Counted reduce(Collection<Counter> counters) {
                return merge(counters, dimensions.size(), searcher.getIndexReader().leaves().size());
            }
        });
    }

    /** Per dimension the mask of the selected values (0 when a selected value is unknown), and whether selected. */
    private record Selection(long[] masks, boolean[] active, Long budgetMax) {}

    private Selection selection(SearchRequest request) {
        long[] masks = new long[dimensions.size()];
        boolean[] active = new boolean[dimensions.size()];
        for (int d = 0; d < dimensions.size(); d++) {
            List<String> values = selected(request, dimensions.get(d).name());
            active[d] = !values.isEmpty();
            for (String value : values) {
                masks[d] |= dimensions.get(d).bit(value);
            }
        }
        return new Selection(masks, active, request.budgetMax());
    }

    private static List<String> selected(SearchRequest request, String dim) {
        return switch (dim) {
            case CaseDocuments.DIM_TOPIC -> request.topics();
            case CaseDocuments.DIM_LAND -> request.laender();
            case CaseDocuments.DIM_TOWN_TYPE -> request.townTypes();
            case CaseDocuments.DIM_PROJECT_STATUS -> request.projectStatuses();
            default -> List.of();
        };
    }

    /** Counts one slice of the index. */
    private static final class Counter extends SimpleCollector {
        private final SearchIndex.CaseSearcher searcher;
        private final Selection selection;
        private final int budgetDim;
        final long[][] counts;
        final long[] budget = new long[BUDGET_BUCKETS.length];
        final FixedBitSet[] hits;
        int total;
        private FacetColumns columns;
        private FixedBitSet segmentHits;

        Counter(SearchIndex.CaseSearcher searcher, Selection selection, int dims, int segments) {
            this.searcher = searcher;
            this.selection = selection;
            this.budgetDim = dims;
            this.counts = new long[dims][Long.SIZE];
            this.hits = new FixedBitSet[segments];
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            columns = searcher.columns(context);
            segmentHits = new FixedBitSet(context.reader().maxDoc());
            hits[context.ord] = segmentHits;
        }

        @Override
        public void setScorer(Scorable scorer) {
            // no scores needed
        }

        @Override
        public void collect(int doc) {
            int missed = -1;
            long[] masks = selection.masks();
            boolean[] active = selection.active();
            for (int d = 0; d < masks.length; d++) {
                if (active[d] && (columns.mask(d, doc) & masks[d]) == 0) {
                    if (missed >= 0) {
                        return;
                    }
                    missed = d;
                }
            }
            Long budgetMax = selection.budgetMax();
            if (budgetMax != null) {
                long b = columns.budget(doc);
                if (b == FacetColumns.NO_BUDGET || b > budgetMax) {
                    if (missed >= 0) {
                        return;
                    }
                    missed = budgetDim;
                }
            }
            if (missed < 0) {
                segmentHits.set(doc);
                total++;
                for (int d = 0; d < masks.length; d++) {
                    countValues(d, doc);
                }
                countBudget(doc);
            } else if (missed == budgetDim) {
                countBudget(doc);
            } else {
                countValues(missed, doc);
            }
        }

        private void countValues(int dim, int doc) {
            long[] perValue = counts[dim];
            for (long mask = columns.mask(dim, doc); mask != 0; mask &= mask - 1) {
                perValue[Long.numberOfTrailingZeros(mask)]++;
            }
        }

        /** Into the smallest bucket that holds the budget; {@link #merge} adds them up. */
        private void countBudget(int doc) {
            long b = columns.budget(doc);
            if (b == FacetColumns.NO_BUDGET) {
                return;
            }
            for (int i = 0; i < BUDGET_BUCKETS.length; i++) {
                if (b <= BUDGET_BUCKETS[i]) {
                    budget[i]++;
                    return;
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static Counted merge(Collection<Counter> counters, int dims, int segments) {
        long[][] counts = new long[dims][Long.SIZE];
        long[] budget = new long[BUDGET_BUCKETS.length];
        FixedBitSet[] hits = new FixedBitSet[segments];
        int total = 0;
        for (Counter c : counters) {
            total += c.total;
            for (int d = 0; d < dims; d++) {
                for (int v = 0; v < Long.SIZE; v++) {
                    counts[d][v] += c.counts[d][v];
                }
            }
            for (int i = 0; i < budget.length; i++) {
                budget[i] += c.budget[i];
            }
            for (int s = 0; s < segments; s++) {
                // a large segment is searched in partitions, each with a collector of its own
                if (c.hits[s] != null) {
                    if (hits[s] == null) {
                        hits[s] = c.hits[s];
                    } else {
                        hits[s].or(c.hits[s]);
                    }
                }
            }
        }
        // "up to" buckets include the cheaper ones
        for (int i = 1; i < budget.length; i++) {
            budget[i] += budget[i - 1];
        }
        return new Counted(total, hits, counts, budget);
    }

    /** The counts with German labels, per facet. */
    Map<String, List<SearchResult.FacetValue>> labelled(Counted counted, SearchRequest request) {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            FacetColumns.Dimension dim = dimensions.get(d);
            out.put(dim.name(), values(dim, counted.counts()[d], selected(request, dim.name()), label(dim.name())));
        }
        List<SearchResult.FacetValue> budget = new ArrayList<>();
        for (int i = 0; i < BUDGET_BUCKETS.length; i++) {
            budget.add(new SearchResult.FacetValue(Long.toString(BUDGET_BUCKETS[i]), budgetLabel(BUDGET_BUCKETS[i]),
                    counted.budget()[i]));
        }
        out.put(CaseDocuments.BUDGET, budget);
        return out;
    }

    private Function<String, String> label(String dim) {
        return switch (dim) {
            case CaseDocuments.DIM_TOPIC -> id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id);
            case CaseDocuments.DIM_LAND -> code -> landNames.getOrDefault(code, code);
            case CaseDocuments.DIM_TOWN_TYPE -> code -> referenceData.townTypes().containsKey(code)
                    ? referenceData.townTypes().get(code).labelDe() : code;
            case CaseDocuments.DIM_PROJECT_STATUS -> s -> PROJECT_STATUS_LABELS.getOrDefault(s, s);
            default -> Function.identity();
        };
    }

    Map<String, List<SearchResult.FacetValue>> empty() {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (FacetColumns.Dimension dim : dimensions) {
            out.put(dim.name(), List.of());
        }
        out.put(CaseDocuments.BUDGET, List.of());
        return out;
    }

    /** Every value with a count, most first; the selected ones also when nothing else matches them. */
    private static List<SearchResult.FacetValue> values(FacetColumns.Dimension dim, long[] counts,
            List<String> selected, Function<String, String> label) {
        Map<String, Long> byValue = new LinkedHashMap<>();
        for (int v = 0; v < dim.values().size(); v++) {
            if (counts[v] > 0) {
                byValue.put(dim.values().get(v), counts[v]);
            }
        }
        selected.forEach(value -> byValue.putIfAbsent(value, 0L));
        return byValue.entrySet().stream()
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
