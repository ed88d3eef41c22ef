package de.stadtretter.matching.recommendations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.municipalities.domain.MunicipalityService;
import de.stadtretter.matching.partners.domain.PartnerText;
import de.stadtretter.matching.recommendations.index.RecommendationIndexes;
import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.matching.recommendations.language.Thesaurus;
import de.stadtretter.matching.recommendations.language.Wording;
import de.stadtretter.search.german.GermanAnalysis;

/**
 * The quality harness of the recommendations: nDCG@5, P@5 (grade ≥ 2 counts as relevant) and MRR for cases and
 * partners on the dev set, for a BM25-only baseline (the need's title and description against all text of a case or
 * partner, one field, the catalogue's German analysis) and for the matcher the service runs (same classes, same
 * language data). Another set with the same three files runs with {@code -Dstadtretter.devset=/path/to/dir}.
 *
 * <pre>./mvnw -pl matching-service test -Dtest=RecommendationQualityHarness -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class RecommendationQualityHarness {

    static final int K = 5;
    static final int DEPTH = 50;
    /** The target: the matcher at least 15 % above the baseline on nDCG@5. */
    static final double TARGET_GAIN = 0.15;
    /** As the match watcher's default ({@code stadtretter.matching.matches.top}). */
    static final int MATCH_TOP = 5;

    static DevSet set;
    static RecommendationIndexes indexes;
    static CaseRecommender cases;
    static PartnerRecommender partners;
    static NeedLanguage language;
    static ReferenceData referenceData;
    static Baseline caseBaseline;
    static Baseline partnerBaseline;

    @BeforeAll
    static void load() throws IOException {
        referenceData = ReferenceData.get();
        String external = System.getProperty("stadtretter.devset");
        Path dir = external == null || external.isBlank() ? Path.of("src/test/resources/devset") : Path.of(external);
        set = DevSet.load(dir, referenceData);
        GermanAnalysis analysis = GermanAnalysis.get();
        language = new NeedLanguage(analysis, Thesaurus.load());
        Wording wording = new Wording(analysis);
        indexes = new RecommendationIndexes();
        set.cases().values().forEach(indexes::putCase);
        set.partners().values().forEach(indexes::putPartner);
        indexes.cases().refresh();
        indexes.partners().refresh();
        cases = new CaseRecommender(indexes.cases(), wording, referenceData);
        partners = new PartnerRecommender(indexes.partners(), indexes.cases(), wording, referenceData);
        caseBaseline = new Baseline(analysis, set.cases().values(), CaseText::caseId, RecommendationQualityHarness::allText);
        partnerBaseline = new Baseline(analysis, set.partners().values(), PartnerText::partnerId,
                RecommendationQualityHarness::allText);
    }

    @AfterAll
    static void close() throws Exception {
        indexes.close();
    }

    @Test
    void theMatcherBeatsTheBm25BaselineForCasesAndPartners() throws IOException {
        Metrics caseBase = new Metrics();
        Metrics caseMatcher = new Metrics();
        Metrics partnerBase = new Metrics();
        Metrics partnerMatcher = new Metrics();
        StringBuilder perNeed = new StringBuilder();
        List<double[]> announced = new ArrayList<>(); // score, grade of each need's first MATCH_TOP cases
        int relevantPairs = 0;
        for (DevSet.Need need : set.needs()) {
            String query = need.request().title() + "\n" + need.request().description();
            List<UUID> baseCases = caseBaseline.search(query);
            NeedContext context = NeedContext.of(need.request(),
                    language.read(need.request().title(), need.request().description()),
                    MunicipalityService.structural(referenceData, need.request().ags(), 0, List.of(), List.of())
                            .orElseThrow());
            CaseRecommender.Ranking ranking = cases.rank(context);
            List<UUID> matchedCases = ranking.ranked().stream().map(s -> s.text().caseId()).limit(DEPTH).toList();
            List<UUID> matchedPartners = partners.rank(context, CaseRecommender.byId(ranking.ranked())).stream()
                    .map(s -> s.partner().partnerId()).limit(DEPTH).toList();
            if (need.key().equals(System.getProperty("stadtretter.devset.explain"))) {
                explain(need, context, ranking);
            }
            Map<UUID, Integer> caseGrades = byId(need.caseGrades());
            Map<UUID, Integer> partnerGrades = byId(need.partnerGrades());
            relevantPairs += (int) caseGrades.values().stream().filter(g -> g >= 2).count();
            ranking.ranked().stream().limit(MATCH_TOP).forEach(sc -> announced.add(new double[] {sc.score(),
                caseGrades.getOrDefault(sc.text().caseId(), 0)}));
            double before = caseBase.add(baseCases, caseGrades);
            double after = caseMatcher.add(matchedCases, caseGrades);
            partnerBase.add(partnerBaseline.search(query), partnerGrades);
            partnerMatcher.add(matchedPartners, partnerGrades);
            perNeed.append(String.format(Locale.ROOT, "  %-4s nDCG@5 cases %.3f -> %.3f  %s%n", need.key(), before,
                    after, need.request().title()));
        }
        String report = String.format(Locale.ROOT, """
                Matching quality on %d needs, %d cases, %d partners (%s)
                                 nDCG@5   P@5    MRR
                cases  BM25      %.3f   %.3f  %.3f
                cases  matcher   %.3f   %.3f  %.3f   (nDCG@5 %+.1f %%)
                partner BM25     %.3f   %.3f  %.3f
                partner matcher  %.3f   %.3f  %.3f   (nDCG@5 %+.1f %%)
                %s
                match announcements (a case among a need's first %d with score >= t; relevant = grade >= 2):
                %s""", set.needs().size(), set.cases().size(), set.partners().size(),
                System.getProperty("stadtretter.devset", "src/test/resources/devset"),
                caseBase.ndcg(), caseBase.precision(), caseBase.mrr(),
                caseMatcher.ndcg(), caseMatcher.precision(), caseMatcher.mrr(), gain(caseBase, caseMatcher),
                partnerBase.ndcg(), partnerBase.precision(), partnerBase.mrr(),
                partnerMatcher.ndcg(), partnerMatcher.precision(), partnerMatcher.mrr(),
                gain(partnerBase, partnerMatcher), perNeed, MATCH_TOP, thresholds(announced, relevantPairs));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/recommendation-quality.txt"), report);

        assertThat(caseMatcher.ndcg()).as("cases: nDCG@5 of the matcher vs. BM25")
                .isGreaterThanOrEqualTo(caseBase.ndcg() * (1 + TARGET_GAIN));
        assertThat(partnerMatcher.ndcg()).as("partners: nDCG@5 of the matcher vs. BM25")
                .isGreaterThanOrEqualTo(partnerBase.ndcg() * (1 + TARGET_GAIN));
    }

    /** For looking into one need: what the matcher read and why the first cases rank where they do. */
    private static void explain(DevSet.Need need, NeedContext context, CaseRecommender.Ranking ranking) {
        System.out.println("EXPLAIN " + need.key() + " topics=" + context.topics() + " lessons="
                + context.reading().asksForLessons());
        context.reading().concepts().forEach(c -> System.out.println("  concept " + c.quote() + " w=" + c.weight()
                + " " + c.terms()));
        Map<UUID, String> keys = new java.util.HashMap<>();
        set.cases().keySet().forEach(k -> keys.put(DevSet.id(k), k));
        List<CaseRecommender.Scored> ranked = ranking.ranked();
        ranked.stream().filter(s -> ranked.indexOf(s) < 8
                || need.caseGrades().containsKey(keys.get(s.text().caseId()))).forEach(s -> System.out.printf(Locale.ROOT,
                "  %2d %s grade=%d score=%.3f lex=%.3f cov=%.3f topic=%.3f struct=%.3f %s%n", ranked.indexOf(s) + 1, keys.get(s.text().caseId()),
                need.caseGrades().getOrDefault(keys.get(s.text().caseId()), 0), s.score(), s.lexical(), s.coverage(),
                s.topic(), s.structural(), s.text().title()));
        System.out.println("  candidates: " + ranked.size());
    }

    private static double gain(Metrics base, Metrics matcher) {
        return base.ndcg() == 0 ? 0 : 100 * (matcher.ndcg() / base.ndcg() - 1);
    }

    private static Map<UUID, Integer> byId(Map<String, Integer> grades) {
        Map<UUID, Integer> byId = new java.util.HashMap<>();
        grades.forEach((k, g) -> byId.put(DevSet.id(k), g));
        return byId;
    }

    static String allText(CaseText c) {
        StringBuilder text = new StringBuilder(c.title()).append('\n');
        for (CaseText.Section s : CaseText.Section.values()) {
            if (s != CaseText.Section.TITLE) {
                text.append(c.section(s)).append('\n');
            }
        }
        return text.toString();
    }

    static String allText(PartnerText p) {
        StringBuilder text = new StringBuilder(p.name()).append('\n').append(p.description()).append('\n');
        p.offerings().forEach(o -> text.append(o.title()).append('\n').append(o.description()).append('\n'));
        return text.toString();
    }

    /** Mean nDCG@K (gain 2^grade − 1), P@K and MRR (first item with grade ≥ 2) over the needs added. */
    static final class Metrics {
        private double ndcg;
        private double precision;
        private double mrr;
        private int n;

        double add(List<UUID> ranked, Map<UUID, Integer> grades) {
            double dcg = 0;
            int relevant = 0;
            double reciprocal = 0;
            for (int i = 0; i < ranked.size(); i++) {
                int grade = grades.getOrDefault(ranked.get(i), 0);
                if (i < K) {
                    dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
                    relevant += grade >= 2 ? 1 : 0;
                }
                if (reciprocal == 0 && grade >= 2) {
                    reciprocal = 1.0 / (i + 1);
                }
            }
            List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
            double idcg = 0;
            for (int i = 0; i < Math.min(K, ideal.size()); i++) {
                idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
            }
            double value = idcg == 0 ? 0 : dcg / idcg;
            ndcg += value;
            precision += relevant / (double) K;
            mrr += reciprocal;
            n++;
            return value;
        }

        private static double log2(int x) {
            return Math.log(x) / Math.log(2);
        }

        double ndcg() {
            return n == 0 ? 0 : ndcg / n;
        }

        double precision() {
            return n == 0 ? 0 : precision / n;
        }

        double mrr() {
            return n == 0 ? 0 : mrr / n;
        }
    }

    /** BM25 over one field holding all text, the catalogue's German analysis, the need's words as optional terms. */
    static final class Baseline {
        private final GermanAnalysis analysis;
        private final IndexSearcher searcher;

        <T> Baseline(GermanAnalysis analysis, Iterable<T> items, Function<T, UUID> id, Function<T, String> text)
                throws IOException {
            this.analysis = analysis;
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.indexAnalyzer()))) {
                for (T item : items) {
                    Document doc = new Document();
                    doc.add(new StringField("id", id.apply(item).toString(), Field.Store.YES));
                    doc.add(new TextField("all", text.apply(item), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        }

        List<UUID> search(String query) throws IOException {
            Set<String> terms = new LinkedHashSet<>();
            try (TokenStream tokens = analysis.indexAnalyzer().tokenStream("all", query)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    terms.add(term.toString());
                }
                tokens.end();
            }
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            terms.forEach(t -> builder.add(new TermQuery(new Term("all", t)), BooleanClause.Occur.SHOULD));
            List<UUID> ranked = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(builder.build(), DEPTH).scoreDocs) {
                ranked.add(UUID.fromString(searcher.storedFields().document(hit.doc).get("id")));
            }
            return ranked;
        }
    }

    /** For each threshold: how many pairs would be announced, the share of them relevant, the relevant ones found. */
    static String thresholds(List<double[]> announced, int relevantPairs) {
        StringBuilder out = new StringBuilder("  t      announced  precision  recall\n");
        for (double t = 0.30; t < 0.701; t += 0.05) {
            double threshold = t;
            long count = announced.stream().filter(a -> a[0] >= threshold).count();
            long relevant = announced.stream().filter(a -> a[0] >= threshold && a[1] >= 2).count();
            out.append(String.format(Locale.ROOT, "  %.2f   %9d  %9.2f  %6.2f%n", t, count,
                    count == 0 ? 0 : (double) relevant / count, (double) relevant / Math.max(1, relevantPairs)));
        }
        return out.toString();
    }
}
