package de.stadtretter.catalog.search.query;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import de.stadtretter.catalog.search.analysis.GermanAnalysis;
import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * Runs a {@link SearchRequest} on the index: the German query ({@link GermanQuery}), the filters, Lucene's
 * {@link DrillSideways} for multi-select facet counts, sorting, paging and the highlights.
 */
public final class CaseSearch {

    /** Budget buckets: each is "up to" its value, to be passed as {@code budgetMax}. */
    static final long[] BUDGET_BUCKETS = {10_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000};

    /** Forms this long are also marked inside compounds. */
    private static final int MIN_PART_HIGHLIGHT = 4;

    private static final Map<String, String> PROJECT_STATUS_LABELS = Map.of(
            "PLANNED", "geplant", "RUNNING", "laufend", "COMPLETED", "abgeschlossen");
    private static final List<String> DIMS = List.of(CaseDocuments.DIM_TOPIC, CaseDocuments.DIM_LAND,
            CaseDocuments.DIM_TOWN_TYPE, CaseDocuments.DIM_PROJECT_STATUS);

    private final SearchIndex index;
    private final ReferenceData referenceData;
    private final GermanQuery german = new GermanQuery();
    private final Map<String, String> landNames;

    public CaseSearch(SearchIndex index, ReferenceData referenceData) {
        this.index = index;
        this.referenceData = referenceData;
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 1; i <= 16; i++) {
            referenceData.land("%02d".formatted(i)).ifPresent(l -> names.put(l.code(), l.name()));
        }
        this.landNames = Map.copyOf(names);
    }

    /** The state codes (SH, HH, ..., TH) of the {@code land} facet and their names. */
    public Map<String, String> landCodes() {
        return landNames;
    }

    public SearchResult search(SearchRequest request) {
        return index.withSearcher(searcher -> {
            Query text = request.q() == null ? null : german.build(request.q(), searcher.getIndexReader());
            if (request.q() != null && text == null) {
                text = new MatchNoDocsQuery("only stop words");
            }
            BooleanQuery.Builder base = new BooleanQuery.Builder()
                    .add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
            if (request.startedFrom() != null || request.startedTo() != null) {
                base.add(LongPoint.newRangeQuery(CaseDocuments.STARTED,
                        request.startedFrom() == null ? Long.MIN_VALUE : request.startedFrom().toEpochDay(),
                        request.startedTo() == null ? Long.MAX_VALUE : request.startedTo().toEpochDay()),
                        Occur.FILTER);
            }
            if (request.hasLessons() != null) {
                Query lessons = new TermQuery(new Term(CaseDocuments.HAS_LESSONS, "true"));
                if (request.hasLessons()) {
                    base.add(lessons, Occur.FILTER);
                } else {
                    base.add(lessons, Occur.MUST_NOT);
                }
            }

            DrillDownQuery drill = new DrillDownQuery(index.documents().facetsConfig(), base.build());
            addAll(drill, CaseDocuments.DIM_TOPIC, request.topics());
            addAll(drill, CaseDocuments.DIM_LAND, request.laender());
            addAll(drill, CaseDocuments.DIM_TOWN_TYPE, request.townTypes());
            addAll(drill, CaseDocuments.DIM_PROJECT_STATUS, request.projectStatuses());
            if (request.budgetMax() != null) {
                drill.add(CaseDocuments.BUDGET, LongPoint.newRangeQuery(CaseDocuments.BUDGET, 0,
                        request.budgetMax()));
            }

            int window = Math.max(1, (request.page() + 1) * request.size());
            Sort sort = switch (request.effectiveSort()) {
                case RELEVANCE -> null;
                case NEWEST -> new Sort(new SortField(CaseDocuments.PUBLISHED_AT, SortField.Type.LONG, true));
                case HELPFUL -> new Sort(new SortField(CaseDocuments.HELPFUL, SortField.Type.LONG, true),
                        new SortField(CaseDocuments.PUBLISHED_AT, SortField.Type.LONG, true));
            };

            if (searcher.facetState() == null) {
                return new SearchResult(0, request.page(), request.size(), List.of(), emptyFacets(request));
            }
            Counting sideways = new Counting(searcher, searcher.facetState());
            DrillSideways.DrillSidewaysResult found = sideways.search(drill, null, null, window, sort,
                    sort != null && text != null);

            ScoreDoc[] all = found.hits.scoreDocs;
            int from = Math.min(all.length, request.page() * request.size());
            ScoreDoc[] pageDocs = Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
            TopDocs pageTop = new TopDocs(new TotalHits(pageDocs.length, TotalHits.Relation.EQUAL_TO), pageDocs);

            Map<String, String[]> highlights = text == null || pageDocs.length == 0 ? Map.of()
                    : highlighter(searcher).highlightFields(CaseDocuments.HIGHLIGHTED.toArray(String[]::new),
                            highlightQuery(searcher, text), pageTop,
                            CaseDocuments.HIGHLIGHTED.stream().mapToInt(f -> 1).toArray());

            StoredFields stored = searcher.storedFields();
            List<SearchResult.Item> items = new ArrayList<>();
            for (int i = 0; i < pageDocs.length; i++) {
                ScoreDoc hit = pageDocs[i];
                Map<String, List<String>> marks = new LinkedHashMap<>();
                for (String field : CaseDocuments.HIGHLIGHTED) {
                    String[] passages = highlights.get(field);
                    if (passages != null && passages[i] != null) {
                        marks.put(field, List.of(passages[i]));
                    }
                }
                Float score = text == null || Float.isNaN(hit.score) ? null : hit.score;
                items.add(new SearchResult.Item(index.documents().summary(stored.document(hit.doc)), score, marks));
            }
            return new SearchResult(found.hits.totalHits.value(), request.page(), request.size(), items,
                    facets(found.facets, request));
        });
    }

    private static void addAll(DrillDownQuery drill, String dim, List<String> values) {
        for (String value : values) {
            drill.add(dim, value);
        }
    }

    /**
     * The terms the ranking query matched on (typo variants expanded), as plain term queries on every stored
     * section: the highlighter re-analyses the page's sections and marks the words with one of these forms.
     */
    private static Query highlightQuery(SearchIndex.FacetedSearcher searcher, Query text) throws IOException {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        searcher.rewrite(text).visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term term : terms) {
                    forms.add(term.text());
                }
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : CaseDocuments.HIGHLIGHTED) {
            for (String form : forms) {
                if (clauses++ < IndexSearcher.getMaxClauseCount()) {
                    // the sections are re-analysed without decompounding: a part found in a compound
                    // ("leerstand" in "Leerstandskataster") marks the whole word
                    any.add(form.length() >= MIN_PART_HIGHLIGHT
                            ? new WildcardQuery(new Term(field, "*" + form + "*"))
                            : new TermQuery(new Term(field, form)), Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    private static UnifiedHighlighter highlighter(SearchIndex.FacetedSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, GermanAnalysis.get().highlightAnalyzer())
                .withWeightMatches(false)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.GERMAN))
                .withMaxLength(20_001)
                .withMaxNoHighlightPassages(0)
                .build();
    }

    private Map<String, List<SearchResult.FacetValue>> facets(Facets facets, SearchRequest request)
            throws IOException {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        out.put(CaseDocuments.DIM_TOPIC, values(facets, CaseDocuments.DIM_TOPIC, request.topics(),
                id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id)));
        out.put(CaseDocuments.DIM_LAND, values(facets, CaseDocuments.DIM_LAND, request.laender(),
                this::landName));
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

    private Map<String, List<SearchResult.FacetValue>> emptyFacets(SearchRequest request) {
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

    private String landName(String code) {
        return landNames.getOrDefault(code, code);
    }

    static String budgetLabel(long upTo) {
        if (upTo >= 1_000_000 && upTo % 1_000_000 == 0) {
            return "bis " + (upTo / 1_000_000) + " Mio. €";
        }
        return "bis " + String.format(Locale.GERMANY, "%,d", upTo) + " €";
    }

    /** Drill sideways with the budget as a range facet beside the sorted-set dimensions. */
    private static final class Counting extends DrillSideways {

        Counting(SearchIndex.FacetedSearcher searcher,
                org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState state) {
            super(searcher, null, state);
            this.state0 = state;
        }

        private final org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState state0;

        @Override
        protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
                String[] drillSidewaysDims) throws IOException {
            Map<String, Facets> byDim = new HashMap<>();
            FacetsCollector budgetHits = drillDowns;
            for (int i = 0; drillSideways != null && i < drillSideways.length; i++) {
                if (CaseDocuments.BUDGET.equals(drillSidewaysDims[i])) {
                    budgetHits = drillSideways[i];
                } else {
                    byDim.put(drillSidewaysDims[i], new SortedSetDocValuesFacetCounts(state0, drillSideways[i]));
                }
            }
            byDim.put(CaseDocuments.BUDGET, new LongRangeFacetCounts(CaseDocuments.BUDGET, budgetHits, ranges()));
            return new MultiFacets(byDim, new SortedSetDocValuesFacetCounts(state0, drillDowns));
        }

        private static LongRange[] ranges() {
            return Arrays.stream(BUDGET_BUCKETS)
                    .mapToObj(upTo -> new LongRange(Long.toString(upTo), 0, true, upTo, true))
                    .toArray(LongRange[]::new);
        }
    }
}
