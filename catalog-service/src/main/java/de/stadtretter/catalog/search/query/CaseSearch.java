package de.stadtretter.catalog.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.LongPoint;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.search.german.GermanAnalysis;
import de.stadtretter.search.german.GermanQuery;

/**
 * Runs a {@link SearchRequest} on the index in three steps:
 * <ol>
 * <li>all hits and the multi-select facet counts ({@link SearchFacets}, one pass), found with the cheap matching form
 * of the German query ({@link GermanQuery});</li>
 * <li>the page: the ranking form of the query scores only those hits (or they are sorted by date or votes);</li>
 * <li>the highlights of the page ({@link SectionHighlights}) and the summaries, from doc values.</li>
 * </ol>
 */
public final class CaseSearch {

    private static final Sort NEWEST = new Sort(new SortField(CaseDocuments.PUBLISHED_AT, SortField.Type.LONG, true));
    private static final Sort HELPFUL = new Sort(new SortField(CaseDocuments.HELPFUL, SortField.Type.LONG, true),
            new SortField(CaseDocuments.PUBLISHED_AT, SortField.Type.LONG, true));

    private final SearchIndex index;
    private final GermanQuery german =
            new GermanQuery(GermanAnalysis.get(), CaseDocuments.TEXT_FIELDS, CaseDocuments.ALL_TEXT);
    private final SearchFacets facets;

    public CaseSearch(SearchIndex index, ReferenceData referenceData) {
        this.index = index;
        this.facets = new SearchFacets(referenceData, index.documents().facetDimensions());
    }

    /** The state codes (SH, HH, ..., TH) of the {@code land} facet and their names. */
    public Map<String, String> landCodes() {
        return facets.landNames();
    }

    public SearchResult search(SearchRequest request) {
        return index.withSearcher(searcher -> {
            if (searcher.isEmpty()) {
                return new SearchResult(0, request.page(), request.size(), List.of(), facets.empty());
            }
            GermanQuery.Parsed text = request.q() == null ? null : german.build(request.q(), searcher.getIndexReader());
            if (request.q() != null && text == null) {
                Query none = new MatchNoDocsQuery("only stop words");
                text = new GermanQuery.Parsed(none, none);
            }
            Query matching = text == null ? new MatchAllDocsQuery() : text.matching();
            SearchFacets.Counted counted = facets.count(searcher, request, filtered(request, matching));

            Query hits = new CollectedDocsQuery(counted.hits());
            Query ranked = text == null ? hits
                    : new BooleanQuery.Builder().add(text.ranking(), Occur.MUST).add(hits, Occur.FILTER).build();
            int window = Math.max(1, Math.min(counted.total(), (request.page() + 1) * request.size()));
            TopDocs top = switch (request.effectiveSort()) {
                // every hit counted (no early termination): the hits lead the conjunction, which is cheaper here
                // than skipping through the text's postings for competitive scores
                case RELEVANCE -> searcher.search(ranked, new TopScoreDocCollectorManager(window, Integer.MAX_VALUE));
                case NEWEST -> sorted(searcher, hits, window, NEWEST);
                case HELPFUL -> sorted(searcher, hits, window, HELPFUL);
            };
            int from = Math.min(top.scoreDocs.length, request.page() * request.size());
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from,
                    Math.min(top.scoreDocs.length, from + request.size()));
            boolean scored = text != null;
            if (scored && request.effectiveSort() != SearchRequest.Sort.RELEVANCE && page.length > 0) {
                TopFieldCollector.populateScores(page, searcher, ranked);
            }

            List<Map<String, List<String>>> highlights = text == null || !request.highlight() ? List.of()
                    : SectionHighlights.of(searcher, text.ranking(), page);
            List<SearchResult.Item> items = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                ScoreDoc hit = page[i];
                Float score = !scored || Float.isNaN(hit.score) ? null : hit.score;
                items.add(new SearchResult.Item(index.documents().summary(searcher.getIndexReader(), hit.doc), score,
                        highlights.isEmpty() ? Map.of() : highlights.get(i)));
            }
            return new SearchResult(counted.total(), request.page(), request.size(), items,
                    facets.labelled(counted, request));
        });
    }

    /** {@code text} with the request's filters that are no facets: the dates and the lessons. */
    private static Query filtered(SearchRequest request, Query text) {
        if (request.startedFrom() == null && request.startedTo() == null && request.hasLessons() == null) {
            return text;
        }
        BooleanQuery.Builder base = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (request.startedFrom() != null || request.startedTo() != null) {
            base.add(LongPoint.newRangeQuery(CaseDocuments.STARTED,
                    request.startedFrom() == null ? Long.MIN_VALUE : request.startedFrom().toEpochDay(),
                    request.startedTo() == null ? Long.MAX_VALUE : request.startedTo().toEpochDay()),
                    Occur.FILTER);
        }
        if (request.hasLessons() != null) {
            Query lessons = new TermQuery(new Term(CaseDocuments.HAS_LESSONS, "true"));
            base.add(lessons, request.hasLessons() ? Occur.FILTER : Occur.MUST_NOT);
        }
        return base.build();
    }

    private static TopDocs sorted(IndexSearcher searcher, Query query, int window, Sort sort) throws IOException {
        return searcher.search(query, new TopFieldCollectorManager(sort, window, null, window));
    }
}
