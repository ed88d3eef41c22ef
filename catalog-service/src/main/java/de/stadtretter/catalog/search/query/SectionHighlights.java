package de.stadtretter.catalog.search.query;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import de.stadtretter.search.german.GermanAnalysis;
import de.stadtretter.catalog.search.index.CaseDocuments;

/**
 * The highlights of a page of hits: per section that matched, its best passage, the text HTML-escaped and the
 * matches in {@code <mark>}. Lucene's {@link UnifiedHighlighter} reads the offsets of the matched terms from the
 * postings of {@link CaseDocuments#SECTIONS}, whose values are the sections; a passage never crosses from one
 * section into the next (the highlighter splits at the values).
 */
final class SectionHighlights {

    /** Passages considered per case: enough that every section with a match keeps its best one. */
    private static final int PASSAGES = 3 * CaseDocuments.HIGHLIGHTED.size();
    /** Values are joined with this character by the highlighter. */
    private static final char VALUE_SEPARATOR = '\u0000';
    private static final int MAX_SECTION = 20_000;
    /** Fewer hits are not worth handing to another thread. */
    private static final int MIN_HITS_PER_PART = 5;

    private SectionHighlights() {}

    /** Per hit of {@code page}, in its order: section name → its best passage. */
    static List<Map<String, List<String>>> of(IndexSearcher searcher, Query ranking, ScoreDoc[] page)
            throws IOException {
        List<Map<String, List<String>>> out = new ArrayList<>();
        if (page.length == 0) {
            return out;
        }
        Query query = query(searcher, ranking);
        // the hits of a page are independent: highlighted in parts, on the searcher's threads (and the caller's)
        int parts = Math.max(1, Math.min(searcher.getSlices().length, page.length / MIN_HITS_PER_PART));
        List<Callable<Object[]>> tasks = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int[] docIds = docIds(page, p * page.length / parts, (p + 1) * page.length / parts);
            tasks.add(() -> {
                Object[] perDoc = highlighter(searcher).sections(query, docIds).get(CaseDocuments.SECTIONS);
                return perDoc == null ? new Object[docIds.length] : perDoc;
            });
        }
        for (Object[] perDoc : searcher.getTaskExecutor().invokeAll(tasks)) {
            for (Object marks : perDoc) {
                @SuppressWarnings("unchecked")
                Map<String, List<String>> sections = marks == null ? Map.of() : (Map<String, List<String>>) marks;
                out.add(sections);
            }
        }
        return out;
    }

    private static Highlighter highlighter(IndexSearcher searcher) {
        return new Highlighter(UnifiedHighlighter
                .builder(searcher, GermanAnalysis.get().indexAnalyzer())
                .withWeightMatches(false)
                .withFormatter(new BySection())
                .withScorer(new LeanPassageScorer())
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.GERMAN))
                .withMaxLength(CaseDocuments.HIGHLIGHTED.size() * (MAX_SECTION + 1))
                .withMaxNoHighlightPassages(0));
    }

    private static int[] docIds(ScoreDoc[] page, int from, int to) {
        int[] ids = new int[to - from];
        for (int i = from; i < to; i++) {
            ids[i - from] = page[i].doc;
        }
        return ids;
    }

    /**
     * The terms of the ranking query (typo corrections, synonyms and compound parts included) that the sections hold
     * (they hold the same tokens as the ranking fields), as term queries on the sections: the highlighter then looks
     * up in each hit only terms that can be there. A compound part carries the offsets of its compound: "leerstand"
     * marks the whole "Leerstandskataster".
     */
    private static Query query(IndexSearcher searcher, Query ranking) throws IOException {
        Set<String> forms = new LinkedHashSet<>();
        ranking.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term term : terms) {
                    forms.add(term.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String form : forms) {
            Term term = new Term(CaseDocuments.SECTIONS, form);
            if (clauses < IndexSearcher.getMaxClauseCount() && searcher.getIndexReader().docFreq(term) > 0) {
                any.add(new TermQuery(term), Occur.SHOULD);
                clauses++;
            }
        }
        return any.build();
    }

    /** Lucene's highlighter, giving the formatter's objects instead of strings. */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> sections(Query query, int[] docIds) throws IOException {
            return highlightFieldsAsObjects(new String[] {CaseDocuments.SECTIONS}, query, docIds,
                    new int[] {PASSAGES});
        }
    }

    /**
     * Lucene's passage score (BM25 over the passage as a small document), without the hash with a 32 KB block that
     * {@link PassageScorer#score} allocates for every passage: a page of hits scores hundreds of passages, and those
     * blocks were more than half of what a search allocated.
     */
    static final class LeanPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
            double score = 0;
            for (int i = 0; i < matches; i++) {
                if (seenBefore(terms, i)) {
                    continue;
                }
                int inPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].equals(terms[i])) {
                        inPassage++;
                    }
                }
                score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }

        private static boolean seenBefore(BytesRef[] terms, int i) {
            for (int j = 0; j < i; j++) {
                if (terms[j].equals(terms[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Keeps the best passage of each section and formats it; the sections in their order. */
    private static final class BySection extends PassageFormatter {

        private final DefaultPassageFormatter html = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

        @Override
        public Object format(Passage[] passages, String content) {
            int[] starts = sectionStarts(content);
            Map<Integer, Passage> best = new TreeMap<>();
            for (Passage passage : passages) {
                int section = sectionAt(starts, passage.getStartOffset());
                Passage kept = best.get(section);
                if (kept == null || passage.getScore() > kept.getScore()) {
                    best.put(section, passage);
                }
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            best.forEach((section, passage) -> {
                if (section < CaseDocuments.HIGHLIGHTED.size()) {
                    out.put(CaseDocuments.HIGHLIGHTED.get(section),
                            List.of(html.format(new Passage[] {passage}, content)));
                }
            });
            return out;
        }

        private static int[] sectionStarts(String content) {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = content.indexOf(VALUE_SEPARATOR); i >= 0; i = content.indexOf(VALUE_SEPARATOR, i + 1)) {
                starts.add(i + 1);
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int sectionAt(int[] starts, int offset) {
            int section = 0;
            while (section + 1 < starts.length && starts[section + 1] <= offset) {
                section++;
            }
            return section;
        }
    }
}
