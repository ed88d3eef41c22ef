package de.stadtretter.catalog.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

import de.stadtretter.catalog.search.analysis.GermanAnalysis;
import de.stadtretter.catalog.search.index.CaseDocuments;

/**
 * Turns what a user typed into a Lucene query over the weighted text fields ({@link CaseDocuments#TEXT_FIELDS}).
 * Each word becomes the best of three readings:
 * <ol>
 * <li>the word itself, folded and stemmed, with its synonyms (weighted a little lower);</li>
 * <li>for a compound, all of its parts ("Wochenmarktkonzept" = "Konzept" and "Wochenmarkt");</li>
 * <li>for a word of at least {@value #MIN_FUZZY_LENGTH} letters that the index does not know at all, its spelling
 * variants (edit distance 1, from 8 letters 2): a typo. Words the index knows never get fuzzy variants, so short
 * and correctly spelled words bring no noise.</li>
 * </ol>
 * The words are combined with "should": cases matching more of them rank higher.
 */
public final class GermanQuery {

    static final int MIN_FUZZY_LENGTH = 5;
    private static final float SYNONYM_WEIGHT = 0.8f;
    private static final float PARTS_WEIGHT = 0.7f;
    private static final float FUZZY_WEIGHT = 0.5f;
    private static final float FIELD_TIE = 0.3f;

    private final GermanAnalysis analysis;
    private final Map<String, Float> fields;

    public GermanQuery(GermanAnalysis analysis, Map<String, Float> fields) {
        this.analysis = analysis;
        this.fields = fields;
    }

    public GermanQuery() {
        this(GermanAnalysis.get(), CaseDocuments.TEXT_FIELDS);
    }

    /** The query for {@code text}; null if it holds no searchable word (only stop words, punctuation). */
    public Query build(String text, IndexReader reader) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        for (String word : analysis.words(text)) {
            Query q = word(word, reader);
            if (q != null) {
                all.add(q, Occur.SHOULD);
                words++;
            }
        }
        return words == 0 ? null : all.build();
    }

    private Query word(String word, IndexReader reader) throws IOException {
        String stem = analysis.stem(word);
        if (stem == null) {
            return null;
        }
        List<Query> readings = new ArrayList<>();
        readings.add(exact(stem));

        List<String> parts = analysis.parts(word);
        if (parts.size() >= 2) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String part : parts) {
                all.add(exact(part), Occur.MUST);
            }
            readings.add(new BoostQuery(all.build(), PARTS_WEIGHT));
        }

        if (stem.length() >= MIN_FUZZY_LENGTH && !known(stem, reader)) {
            int edits = stem.length() >= 8 ? 2 : 1;
            List<Query> variants = new ArrayList<>();
            for (Map.Entry<String, Float> field : fields.entrySet()) {
                variants.add(new BoostQuery(new FuzzyQuery(new Term(field.getKey(), stem), edits, 1, 50, true),
                        field.getValue()));
            }
            readings.add(new BoostQuery(new DisjunctionMaxQuery(variants, FIELD_TIE), FUZZY_WEIGHT));
        }
        return readings.size() == 1 ? readings.getFirst() : new DisjunctionMaxQuery(readings, 0.0f);
    }

    /** The stem and its synonyms in every text field, the best field counting most. */
    private Query exact(String stem) {
        List<List<String>> synonyms = analysis.synonymsOf(stem);
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            String name = field.getKey();
            SynonymQuery.Builder single = new SynonymQuery.Builder(name).addTerm(new Term(name, stem));
            List<Query> phrases = new ArrayList<>();
            for (List<String> synonym : synonyms) {
                if (synonym.size() == 1) {
                    single.addTerm(new Term(name, synonym.getFirst()), SYNONYM_WEIGHT);
                } else {
                    // "lessons learned": all its words (the index keeps no positions)
                    BooleanQuery.Builder all = new BooleanQuery.Builder();
                    synonym.forEach(word -> all.add(new TermQuery(new Term(name, word)), Occur.MUST));
                    phrases.add(new BoostQuery(all.build(), SYNONYM_WEIGHT));
                }
            }
            Query q = single.build();
            if (!phrases.isEmpty()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder().add(q, Occur.SHOULD);
                phrases.forEach(p -> any.add(p, Occur.SHOULD));
                q = any.build();
            }
            perField.add(new BoostQuery(q, field.getValue()));
        }
        return new DisjunctionMaxQuery(perField, FIELD_TIE);
    }

    /** Whether any text field holds the term (then it is no typo). */
    private boolean known(String stem, IndexReader reader) throws IOException {
        for (String field : fields.keySet()) {
            if (reader.docFreq(new Term(field, stem)) > 0) {
                return true;
            }
        }
        return false;
    }
}
