package de.stadtretter.catalog.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import de.stadtretter.catalog.search.analysis.GermanAnalysis;
import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * Autocomplete for the search box: topics, places with published cases and titles of published cases whose words
 * begin with what was typed (every word a prefix, umlauts and ß typed or not).
 */
public final class CaseSuggestions {

    public static final int MAX = 10;
    private static final int MAX_TOPICS = 2;
    private static final int MAX_PLACES = 3;

    /**
     * @param type {@code topic}, {@code place} or {@code case}
     * @param value the topic id, the AGS or the case id: what to filter by or open
     */
    public record Suggestion(String text, String type, String value) {}

    private final SearchIndex index;
    private final ReferenceData referenceData;
    private final GermanAnalysis analysis = GermanAnalysis.get();
    /** The folded words of each name once: places are matched on every keystroke. */
    private final Map<String, List<String>> foldedNames = new java.util.concurrent.ConcurrentHashMap<>();

    public CaseSuggestions(SearchIndex index, ReferenceData referenceData) {
        this.index = index;
        this.referenceData = referenceData;
    }

    public List<Suggestion> suggest(String typed) {
        List<String> words = analysis.words(typed).stream().map(analysis::fold).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        referenceData.topics().stream()
                .filter(t -> matches(t.labelDe(), words))
                .limit(MAX_TOPICS)
                .forEach(t -> out.add(new Suggestion(t.labelDe(), "topic", t.id())));
        index.casesPerPlace().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(e -> referenceData.municipality(e.getKey()).orElse(null))
                .filter(m -> m != null && matches(m.name(), words))
                .limit(MAX_PLACES)
                .forEach(m -> out.add(new Suggestion(m.name(), "place", m.ags())));
        int titles = MAX - out.size();
        out.addAll(index.withSearcher(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String word : words) {
                query.add(new TermQuery(new Term(CaseDocuments.SUGGEST, word)), Occur.FILTER);
            }
            // more hits than needed: the same title (several towns, several years) is suggested once
            TopDocs top = searcher.search(query.build(), titles * 5, new Sort(
                    new SortField(CaseDocuments.HELPFUL, SortField.Type.LONG, true),
                    new SortField(CaseDocuments.PUBLISHED_AT, SortField.Type.LONG, true)));
            List<Suggestion> found = new ArrayList<>();
            var stored = searcher.storedFields();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var hit : top.scoreDocs) {
                var doc = stored.document(hit.doc, java.util.Set.of(CaseDocuments.ID, CaseDocuments.TITLE));
                if (found.size() < titles && seen.add(doc.get(CaseDocuments.TITLE))) {
                    found.add(new Suggestion(doc.get(CaseDocuments.TITLE), "case", doc.get(CaseDocuments.ID)));
                }
            }
            return found;
        }));
        return out.stream().limit(MAX).sorted(Comparator.comparingInt(s -> order(s.type()))).toList();
    }

    /** Whether every typed word begins a word of {@code text}. */
    private boolean matches(String text, List<String> typed) {
        List<String> textWords = foldedNames.computeIfAbsent(text,
                t -> analysis.words(t.replace('-', ' ')).stream().map(analysis::fold).toList());
        return typed.stream().allMatch(w -> textWords.stream().anyMatch(t -> t.startsWith(w)));
    }

    private static int order(String type) {
        return switch (type) {
            case "topic" -> 0;
            case "place" -> 1;
            default -> 2;
        };
    }
}
