package de.stadtretter.search.german;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;


/**
 * Turns what a user typed into two Lucene queries that match the same documents: the ranking query over the weighted
 * text fields (field name → weight) and the matching query over the one field that holds all of their tokens,
 * which is much cheaper to run over every hit (e.g. for facet counts).
 * Each word becomes the best of three readings:
 * <ol>
 * <li>the word itself, folded and stemmed, with its synonyms (weighted a little lower);</li>
 * <li>for a compound, all of its parts ("Wochenmarktkonzept" = "Konzept" and "Wochenmarkt");</li>
 * <li>for a word of at least {@value #MIN_FUZZY_LENGTH} letters that the index does not know at all, the closest
 * words the index does know (Lucene's {@link DirectSpellChecker}: edit distance 1, from 8 letters 2): a typo.
 * Words the index knows never get spelling variants, so short and correctly spelled words bring no noise.</li>
 * </ol>
 * The words are combined with "should": documents matching more of them rank higher.
 */
public final class GermanQuery {

    static final int MIN_FUZZY_LENGTH = 5;
    private static final int MAX_CORRECTIONS = 8;
    private static final float SYNONYM_WEIGHT = 0.8f;
    private static final float PARTS_WEIGHT = 0.7f;
    private static final float FUZZY_WEIGHT = 0.5f;
    private static final float FIELD_TIE = 0.3f;

    /** The two forms of one query: same matches, one scored over the weighted fields, one cheap to match. */
    public record Parsed(Query ranking, Query matching) {}

    /** Corrections already looked up on one reader: typed words repeat, and Levenshtein automata are costly. */
    private record Corrections(IndexReader reader, Map<String, Map<String, Float>> byStem) {}

    private static final int MAX_CACHED_CORRECTIONS = 10_000;

    private final GermanAnalysis analysis;
    private final Map<String, Float> fields;
    private final String allField;
    private volatile Corrections corrections = new Corrections(null, Map.of());

    public GermanQuery(GermanAnalysis analysis, Map<String, Float> fields, String allField) {
        this.analysis = analysis;
        this.fields = fields;
        this.allField = allField;
    }

    /** The queries for {@code text}; null if it holds no searchable word (only stop words, punctuation). */
    public Parsed build(String text, IndexReader reader) throws IOException {
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        int words = 0;
        for (String word : analysis.words(text)) {
            List<Reading> readings = readings(word, reader);
            if (readings.isEmpty()) {
                continue;
            }
            List<Query> ranked = new ArrayList<>();
            BooleanQuery.Builder matched = new BooleanQuery.Builder();
            for (Reading reading : readings) {
                ranked.add(reading.ranking());
                matched.add(reading.matching(), Occur.SHOULD);
            }
            ranking.add(ranked.size() == 1 ? ranked.getFirst() : new DisjunctionMaxQuery(ranked, 0.0f), Occur.SHOULD);
            matching.add(matched.build(), Occur.SHOULD);
            words++;
        }
        return words == 0 ? null : new Parsed(ranking.build(), matching.build());
    }

    /** One way to read a word, in both forms. */
    private record Reading(Query ranking, Query matching) {}

    private List<Reading> readings(String word, IndexReader reader) throws IOException {
        String stem = analysis.stem(word);
        if (stem == null) {
            return List.of();
        }
        List<Reading> readings = new ArrayList<>();
        Map<String, Float> exact = new LinkedHashMap<>();
        exact.put(stem, 1.0f);
        readings.add(alternatives(exact, analysis.synonymsOf(stem)));

        List<String> parts = analysis.parts(word);
        if (parts.size() >= 2) {
            BooleanQuery.Builder ranking = new BooleanQuery.Builder();
            BooleanQuery.Builder matching = new BooleanQuery.Builder();
            for (String part : parts) {
                Reading p = alternatives(Map.of(part, 1.0f), analysis.synonymsOf(part));
                ranking.add(p.ranking(), Occur.MUST);
                matching.add(p.matching(), Occur.MUST);
            }
            readings.add(new Reading(new BoostQuery(ranking.build(), PARTS_WEIGHT), matching.build()));
        }

        if (stem.length() >= MIN_FUZZY_LENGTH && reader.docFreq(new Term(allField, stem)) == 0) {
            Map<String, Float> closest = corrections(stem, reader);
            if (!closest.isEmpty()) {
                Reading typo = alternatives(closest, List.of());
                readings.add(new Reading(new BoostQuery(typo.ranking(), FUZZY_WEIGHT), typo.matching()));
            }
        }
        return readings;
    }

    /**
     * Single words (with their weights, each at most 1) and multi-word alternatives ("Fahrrad parken": all of its
     * words, in any field; the index keeps no positions) that all mean the same.
     */
    private Reading alternatives(Map<String, Float> words, List<List<String>> synonyms) {
        Map<String, Float> singles = new LinkedHashMap<>(words);
        List<List<String>> phrases = new ArrayList<>();
        for (List<String> synonym : synonyms) {
            if (synonym.size() == 1) {
                singles.putIfAbsent(synonym.getFirst(), SYNONYM_WEIGHT);
            } else {
                phrases.add(synonym);
            }
        }
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            SynonymQuery.Builder any = new SynonymQuery.Builder(field.getKey());
            singles.forEach((w, weight) -> any.addTerm(new Term(field.getKey(), w), weight));
            perField.add(new BoostQuery(any.build(), field.getValue()));
        }
        Query ranking = new DisjunctionMaxQuery(perField, FIELD_TIE);

        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        singles.keySet().forEach(w -> matching.add(new TermQuery(new Term(allField, w)), Occur.SHOULD));
        if (!phrases.isEmpty()) {
            BooleanQuery.Builder withPhrases = new BooleanQuery.Builder().add(ranking, Occur.SHOULD);
            for (List<String> phrase : phrases) {
                BooleanQuery.Builder rankAll = new BooleanQuery.Builder();
                BooleanQuery.Builder matchAll = new BooleanQuery.Builder();
                for (String w : phrase) {
                    rankAll.add(alternatives(Map.of(w, 1.0f), List.of()).ranking(), Occur.MUST);
                    matchAll.add(new TermQuery(new Term(allField, w)), Occur.MUST);
                }
                withPhrases.add(new BoostQuery(rankAll.build(), SYNONYM_WEIGHT), Occur.SHOULD);
                matching.add(matchAll.build(), Occur.SHOULD);
            }
            ranking = withPhrases.build();
        }
        return new Reading(ranking, matching.build());
    }

    /**
     * The indexed words closest to a word the index does not hold, the closest weighted highest (1 down to 0.5 by
     * their similarity); remembered until the index changes.
     */
    private Map<String, Float> corrections(String stem, IndexReader reader) throws IOException {
        Corrections known = corrections;
        if (known.reader() != reader) {
            known = new Corrections(reader, new ConcurrentHashMap<>());
            corrections = known;
        }
        Map<String, Float> cached = known.byStem().get(stem);
        if (cached != null) {
            return cached;
        }
        Map<String, Float> found = lookUp(stem, reader);
        if (known.byStem().size() >= MAX_CACHED_CORRECTIONS) {
            known.byStem().clear();
        }
        known.byStem().put(stem, found);
        return found;
    }

    private Map<String, Float> lookUp(String stem, IndexReader reader) throws IOException {
        DirectSpellChecker speller = new DirectSpellChecker();
        speller.setMaxEdits(stem.length() >= 8 ? 2 : 1);
        speller.setMinPrefix(1);
        speller.setMinQueryLength(MIN_FUZZY_LENGTH);
        speller.setAccuracy(0.5f);
        Map<String, Float> out = new LinkedHashMap<>();
        for (SuggestWord s : speller.suggestSimilar(new Term(allField, stem), MAX_CORRECTIONS, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
            out.put(s.string, Math.min(1.0f, Math.max(0.5f, s.score)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
