package de.stadtretter.matching.recommendations.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.search.german.SlotIndex;

/**
 * Finds the items of a {@link SlotIndex} that a read need speaks of: BM25 over the weighted fields, each concept of
 * the need one clause (its ways of saying it as one synonym term, the best field counting most), the need's topics
 * as constant extra clauses so that items on the topic but in other words are found too. The candidates come from a
 * first pass over the one field that holds all text; only they are scored by the weighted fields. For every hit it also
 * tells which of the need's concepts the item holds (anywhere, and in one chosen field such as the lessons): the
 * coverage and the reasons are made from that.
 */
public final class ConceptSearch {

    private static final float FIELD_TIE = 0.3f;

    private ConceptSearch() {
    }

    /** An item found: its BM25 score, the concepts it holds, and those it holds in the chosen field. */
    public record Hit<T>(T item, float score, BitSet concepts, BitSet inField) {}

    /** What was found, with the importance of each concept (its weight × its rarity in the index). */
    public record Found<T>(List<Hit<T>> hits, double[] importance, int indexed) {}

    public static <T> Found<T> search(SlotIndex<T> index, Map<String, Float> fields, NeedLanguage.Reading reading,
            Map<String, Float> topics, float topicBoost, int max, Predicate<T> accept, String markField) {
        IndexSearcher searcher = index.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            int n = Math.max(1, reader.numDocs());
            List<NeedLanguage.Concept> concepts = reading.concepts();
            double[] importance = new double[concepts.size()];
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            BooleanQuery.Builder recall = new BooleanQuery.Builder();
            int clauses = 0;
            for (int i = 0; i < concepts.size(); i++) {
                NeedLanguage.Concept c = concepts.get(i);
                int df = 0;
                List<Query> perField = new ArrayList<>();
                boolean any = false;
                for (Map.Entry<String, Float> term : c.terms().entrySet()) {
                    int termDf = reader.docFreq(new Term(SlotIndex.ALL, term.getKey()));
                    if (termDf > 0) {
                        any = true;
                        if (term.getValue() >= 1.0f || c.paraphrase()) {
                            df = Math.max(df, termDf);
                        }
                    }
                }
                if (!any) {
                    continue;
                }
                if (df == 0) {
                    df = n;
                }
                for (Map.Entry<String, Float> field : fields.entrySet()) {
                    SynonymQuery.Builder any2 = new SynonymQuery.Builder(field.getKey());
                    c.terms().forEach((t, w) -> any2.addTerm(new Term(field.getKey(), t), w));
                    perField.add(new BoostQuery(any2.build(), field.getValue()));
                }
                query.add(new BoostQuery(new DisjunctionMaxQuery(perField, FIELD_TIE), c.weight()), Occur.SHOULD);
                SynonymQuery.Builder anywhere = new SynonymQuery.Builder(SlotIndex.ALL);
                c.terms().forEach((t, w) -> anywhere.addTerm(new Term(SlotIndex.ALL, t), w));
                recall.add(new BoostQuery(anywhere.build(), c.weight()), Occur.SHOULD);
                importance[i] = c.weight() * Math.log(1 + (double) n / df);
                clauses++;
            }
            for (Map.Entry<String, Float> topic : topics.entrySet()) {
                Query onTopic = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(SlotIndex.TOPIC,
                        topic.getKey()))), topicBoost * topic.getValue());
                query.add(onTopic, Occur.SHOULD);
                recall.add(onTopic, Occur.SHOULD);
                clauses++;
            }
            if (clauses == 0) {
                return new Found<>(List.of(), importance, reader.numDocs());
            }
            // two passes: the candidates by one field holding all text (a quarter of the clauses), then those
            // candidates scored by the weighted fields (the score the ranking uses)
            TopDocs candidates = searcher.search(recall.build(), new TopScoreDocCollectorManager(max, null, max));
            TopDocs top = new QueryRescorer(query.build()) {
                @Override
                protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                    return secondPassMatches ? secondPassScore : 0;
                }
            }.rescore(searcher, candidates, max);
            List<Hit<T>> hits = hits(index, reader, top, concepts, markField, accept);
            return new Found<>(hits, importance, reader.numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static <T> List<Hit<T>> hits(SlotIndex<T> index, IndexReader reader, TopDocs top,
            List<NeedLanguage.Concept> concepts, String markField, Predicate<T> accept) throws IOException {
        ScoreDoc[] docs = top.scoreDocs.clone();
        java.util.Arrays.sort(docs, Comparator.comparingInt(d -> d.doc));
        List<Hit<T>> hits = new ArrayList<>(docs.length);
        List<LeafReaderContext> leaves = reader.leaves();
        int from = 0;
        for (LeafReaderContext leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            int to = from;
            while (to < docs.length && docs[to].doc < end) {
                to++;
            }
            if (to == from) {
                continue;
            }
            BitSet[] held = new BitSet[to - from];
            BitSet[] marked = new BitSet[to - from];
            for (int i = 0; i < held.length; i++) {
                held[i] = new BitSet(concepts.size());
                marked[i] = new BitSet(concepts.size());
            }
            mark(leaf, SlotIndex.ALL, concepts, docs, from, to, held);
            if (markField != null) {
                mark(leaf, markField, concepts, docs, from, to, marked);
            }
            NumericDocValues slots = leaf.reader().getNumericDocValues(SlotIndex.SLOT);
            for (int i = from; i < to; i++) {
                int local = docs[i].doc - leaf.docBase;
                if (slots == null || !slots.advanceExact(local)) {
                    continue;
                }
                T item = index.inSlot(slots.longValue());
                if (item != null && accept.test(item)) {
                    hits.add(new Hit<>(item, docs[i].score, held[i - from], marked[i - from]));
                }
            }
            from = to;
        }
        hits.sort(Comparator.comparingDouble((Hit<T> h) -> h.score()).reversed());
        return hits;
    }

    /** Sets bit c of a hit when the hit's document holds any term of concept c in {@code field}. */
    private static void mark(LeafReaderContext leaf, String field, List<NeedLanguage.Concept> concepts,
            ScoreDoc[] docs, int from, int to, BitSet[] out) throws IOException {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) {
            return;
        }
        TermsEnum iterator = terms.iterator();
        PostingsEnum postings = null;
        for (int c = 0; c < concepts.size(); c++) {
            for (String term : concepts.get(c).terms().keySet()) {
                if (!iterator.seekExact(new BytesRef(term))) {
                    continue;
                }
                postings = iterator.postings(postings, PostingsEnum.NONE);
                for (int i = from; i < to; i++) {
                    int local = docs[i].doc - leaf.docBase;
                    int at = postings.docID();
                    if (at < local) {
                        at = postings.advance(local);
                    }
                    if (at == PostingsEnum.NO_MORE_DOCS) {
                        break;
                    }
                    if (at == local) {
                        out[i - from].set(c);
                    }
                }
            }
        }
    }
}
