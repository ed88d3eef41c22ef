package de.stadtretter.catalog.search.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import de.stadtretter.search.german.GermanAnalysis;
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
    private static final Sort TITLES = new Sort(new SortField(CaseDocuments.HELPFUL, SortField.Type.LONG, true),
            new SortField(CaseDocuments.PUBLISHED_AT, SortField.Type.LONG, true));

    /**
     * @param type {@code topic}, {@code place} or {@code case}
     * @param value the topic id, the AGS or the case id: what to filter by or open
     */
    public record Suggestion(String text, String type, String value) {}

    /**
     * A topic or a municipality with published cases, and the folded words of its name.
     *
     * @param value the topic id or the AGS
     */
    private record Named(String name, String value, int cases, List<String> words) {}

    /** The places with cases by each folded word of their names, derived from one state of the index. */
    private record Places(long version, NavigableMap<String, List<Named>> byWord) {}

    private final SearchIndex index;
    private final ReferenceData referenceData;
    private final GermanAnalysis analysis = GermanAnalysis.get();
    private final List<Named> topics;
    private volatile Places places = new Places(-1, new TreeMap<>());

    public CaseSuggestions(SearchIndex index, ReferenceData referenceData) {
        this.index = index;
        this.referenceData = referenceData;
        this.topics = referenceData.topics().stream()
                .map(t -> new Named(t.labelDe(), t.id(), 0, folded(t.labelDe()))).toList();
    }

    public List<Suggestion> suggest(String typed) {
        List<String> words = analysis.words(typed).stream().map(analysis::fold).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        topics.stream()
                .filter(t -> matches(t.words(), words))
                .limit(MAX_TOPICS)
                .forEach(t -> out.add(new Suggestion(t.name(), "topic", t.value())));
        candidates(places().byWord(), words.getFirst()).stream()
                .filter(p -> matches(p.words(), words))
                .sorted(Comparator.comparingInt(Named::cases).reversed().thenComparing(Named::value))
                .limit(MAX_PLACES)
                .forEach(p -> out.add(new Suggestion(p.name(), "place", p.value())));
        out.addAll(titles(words, MAX - out.size()));
        return out.stream().limit(MAX).sorted(Comparator.comparingInt(s -> order(s.type()))).toList();
    }

    /** Titles of published cases whose words begin with the typed words: most helpful, then newest first. */
    private List<Suggestion> titles(List<String> words, int max) {
        return index.withSearcher(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String word : words) {
                query.add(new TermQuery(new Term(CaseDocuments.SUGGEST, word)), Occur.FILTER);
            }
            // more hits than needed: the same title (several towns, several years) is suggested once
            TopDocs top = searcher.search(query.build(), max * 5, TITLES);
            List<Suggestion> found = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ScoreDoc hit : top.scoreDocs) {
                String title = CaseDocuments.binary(searcher.getIndexReader(), CaseDocuments.TITLE, hit.doc)
                        .utf8ToString();
                if (found.size() < max && seen.add(title)) {
                    found.add(new Suggestion(title, "case",
                            CaseDocuments.binary(searcher.getIndexReader(), CaseDocuments.ID, hit.doc).utf8ToString()));
                }
            }
            return found;
        });
    }

    /** The places with a word beginning with {@code prefix}. */
    private static Collection<Named> candidates(NavigableMap<String, List<Named>> byWord, String prefix) {
        Set<Named> out = new LinkedHashSet<>();
        byWord.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values().forEach(out::addAll);
        return out;
    }

    /** The places of the index's current state; derived again only after places gained or lost cases. */
    private Places places() {
        Places current = places;
        long version = index.placesVersion();
        if (current.version() == version) {
            return current;
        }
        NavigableMap<String, List<Named>> byWord = new TreeMap<>();
        for (Map.Entry<String, Integer> e : index.casesPerPlace().entrySet()) {
            referenceData.municipality(e.getKey()).ifPresent(m -> {
                Named place = new Named(m.name(), m.ags(), e.getValue(), folded(m.name()));
                place.words().forEach(w -> byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(place));
            });
        }
        Places derived = new Places(version, byWord);
        places = derived;
        return derived;
    }

    private List<String> folded(String name) {
        return analysis.words(name.replace('-', ' ')).stream().map(analysis::fold).toList();
    }

    /** Whether every typed word begins a word of the name. */
    private static boolean matches(List<String> nameWords, List<String> typed) {
        return typed.stream().allMatch(w -> nameWords.stream().anyMatch(t -> t.startsWith(w)));
    }

    private static int order(String type) {
        return switch (type) {
            case "topic" -> 0;
            case "place" -> 1;
            default -> 2;
        };
    }
}
