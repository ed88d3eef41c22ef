package de.stadtretter.catalog.search.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.demo.DemoCases;
import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.catalog.search.query.CaseSearch;
import de.stadtretter.catalog.search.query.SearchRequest;
import de.stadtretter.kit.reference.ReferenceData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search quality harness: runs the queries of a judged set over its cases with plain BM25 (Lucene's
 * StandardAnalyzer over all text in one field, no tuning) and with the real catalogue search, and reports nDCG@5,
 * P@5 and MRR. Relevant means grade 2 or 3 for P@5 and MRR; nDCG uses the grades 0–3 (gain 2^grade − 1).
 *
 * <p>Run it on the dev set in the repository with {@code ./mvnw -pl catalog-service test -Dtest=SearchQualityTest},
 * or on a set of your own with {@code -Dstadtretter.search.quality.cases=cases.json
 * -Dstadtretter.search.quality.queries=queries.tsv} (the formats of {@code demo/praxisbeispiele.json} and
 * {@code search-quality/queries-de.tsv}).
 */
public final class SearchQuality {

    static final int K = 5;

    /** A query with its judgments: case key → grade. */
    public record Judged(String query, String kind, Map<String, Integer> grades) {}

    /** The three measures, averaged over the queries. */
    public record Scores(double ndcg, double precision, double mrr) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "nDCG@5 %.3f  P@5 %.3f  MRR %.3f", ndcg, precision, mrr);
        }
    }

    /** Both systems on one set, overall and per kind of query. */
    public record Report(int cases, int queries, Scores bm25, Scores stadtretter, Map<String, Scores[]> byKind) {

        public double ndcgGain() {
            return stadtretter.ndcg / bm25.ndcg - 1;
        }

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Search quality on %d cases, %d queries%n", cases, queries));
            out.append(String.format(Locale.ROOT, "  %-22s %s%n", "plain BM25", bm25));
            out.append(String.format(Locale.ROOT, "  %-22s %s%n", "Stadtretter search", stadtretter));
            out.append(String.format(Locale.ROOT, "  nDCG@5 gain: %+.1f %%%n", 100 * ndcgGain()));
            byKind.forEach((kind, s) -> out.append(String.format(Locale.ROOT,
                    "    %-10s BM25 nDCG@5 %.3f  Stadtretter %.3f%n", kind, s[0].ndcg, s[1].ndcg)));
            return out.toString();
        }
    }

    private SearchQuality() {
    }

    public static void main(String[] args) {
        System.out.print(run(cases(), queries()).table());
    }

    /** The cases of the set: the system property's file, else the demo catalogue. */
    public static List<DemoCases.DemoCase> cases() {
        String path = System.getProperty("stadtretter.search.quality.cases");
        JsonMapper json = JsonMapper.builder().build();
        if (path == null || path.isBlank()) {
            return DemoCases.load(json);
        }
        record File(List<DemoCases.DemoCase> cases) {}
        try {
            return json.readValue(Files.readString(Path.of(path)), File.class).cases();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The judged queries: the system property's file, else the dev set in the repository. */
    public static List<Judged> queries() {
        String path = System.getProperty("stadtretter.search.quality.queries");
        try (InputStream in = path == null || path.isBlank()
                ? SearchQuality.class.getResourceAsStream("/search-quality/queries-de.tsv")
                : Files.newInputStream(Path.of(path))) {
            List<Judged> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                Map<String, Integer> grades = new LinkedHashMap<>();
                for (String judged : cols[2].trim().split("\\s+")) {
                    int colon = judged.lastIndexOf(':');
                    grades.put(judged.substring(0, colon), Integer.parseInt(judged.substring(colon + 1)));
                }
                out.add(new Judged(cols[0].trim(), cols[1].trim(), grades));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report run(List<DemoCases.DemoCase> cases, List<Judged> queries) {
        Map<UUID, String> keys = new HashMap<>();
        cases.forEach(c -> keys.put(c.id(), c.key()));
        try (SearchIndex index = new SearchIndex(new CaseDocuments(ReferenceData.get()), null);
                Bm25 bm25 = new Bm25(cases)) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (DemoCases.DemoCase d : cases) {
                Case c = Case.draft(d.id(), d.ags(), d.content(), "quality", at).submit(at).publish(at);
                index.put(c);
            }
            index.refresh();
            CaseSearch search = new CaseSearch(index, ReferenceData.get());
            Function<String, List<String>> real = q -> search.search(
                            new SearchRequest(q, null, null, null, null, null, null, null, null, null, 0, 10))
                    .items().stream().map(i -> keys.get(i.summary().id())).toList();

            Map<String, List<double[]>> perKind = new LinkedHashMap<>();
            List<double[]> bmAll = new ArrayList<>();
            List<double[]> realAll = new ArrayList<>();
            for (Judged q : queries) {
                double[] b = measure(bm25.search(q.query()), q.grades());
                double[] r = measure(real.apply(q.query()), q.grades());
                bmAll.add(b);
                realAll.add(r);
                perKind.computeIfAbsent(q.kind() + "/bm25", k -> new ArrayList<>()).add(b);
                perKind.computeIfAbsent(q.kind() + "/real", k -> new ArrayList<>()).add(r);
            }
            Map<String, Scores[]> byKind = new LinkedHashMap<>();
            for (Judged q : queries) {
                byKind.computeIfAbsent(q.kind(), kind -> new Scores[] {
                    mean(perKind.get(kind + "/bm25")), mean(perKind.get(kind + "/real"))});
            }
            return new Report(cases.size(), queries.size(), mean(bmAll), mean(realAll), byKind);
        }
    }

    /** The ranking of one query as the harness sees it, with the grade of each result (for reading failures). */
    public static String explain(List<DemoCases.DemoCase> cases, Judged q) {
        Map<UUID, String> keys = new HashMap<>();
        cases.forEach(c -> keys.put(c.id(), c.key()));
        try (SearchIndex index = new SearchIndex(new CaseDocuments(ReferenceData.get()),
                null)) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            cases.forEach(d -> index.put(Case.draft(d.id(), d.ags(), d.content(), "q", at).submit(at).publish(at)));
            index.refresh();
            return new CaseSearch(index, ReferenceData.get()).search(SearchRequest.text(q.query())).items().stream()
                    .map(i -> keys.get(i.summary().id()) + ":" + q.grades().getOrDefault(keys.get(i.summary().id()), 0))
                    .toList().toString();
        }
    }

    /** nDCG@5, P@5 and reciprocal rank of one ranking. */
    static double[] measure(List<String> ranking, Map<String, Integer> grades) {
        double dcg = 0;
        int relevant = 0;
        double rr = 0;
        for (int i = 0; i < ranking.size(); i++) {
            int grade = grades.getOrDefault(ranking.get(i), 0);
            if (i < K) {
                dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
                if (grade >= 2) {
                    relevant++;
                }
            }
            if (rr == 0 && grade >= 2) {
                rr = 1.0 / (i + 1);
            }
        }
        int[] ideal = grades.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.length); i++) {
            idcg += (Math.pow(2, ideal[ideal.length - 1 - i]) - 1) / log2(i + 2);
        }
        return new double[] {idcg == 0 ? 0 : dcg / idcg, relevant / (double) K, rr};
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Scores mean(List<double[]> values) {
        double[] sum = new double[3];
        values.forEach(v -> Arrays.setAll(sum, i -> sum[i] + v[i]));
        int n = Math.max(1, values.size());
        return new Scores(sum[0] / n, sum[1] / n, sum[2] / n);
    }

    /** The baseline: every text of a case in one field, StandardAnalyzer, BM25 with Lucene's defaults. */
    private static final class Bm25 implements AutoCloseable {
        private final Analyzer analyzer = new StandardAnalyzer();
        private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        private final DirectoryReader reader;

        Bm25(List<DemoCases.DemoCase> cases) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (DemoCases.DemoCase c : cases) {
                    Document doc = new Document();
                    doc.add(new StringField("key", c.key(), Field.Store.YES));
                    String place = ReferenceData.get().municipality(c.ags()).map(ReferenceData.Municipality::name)
                            .orElse("");
                    doc.add(new TextField("text", String.join("\n", c.title(), c.teaser(), String.join(" ", c.tags()),
                            place, c.problem(), c.objectives(), c.approach(), c.implementation(), c.resources(),
                            c.results(), c.lessons(), c.transferability()), Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.commit();
                reader = DirectoryReader.open(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> search(String q) {
            try {
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                try (TokenStream ts = analyzer.tokenStream("text", q)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        query.add(new TermQuery(new Term("text", term.toString())), Occur.SHOULD);
                    }
                    ts.end();
                }
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> out = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), 10).scoreDocs) {
                    out.add(searcher.storedFields().document(hit.doc).get("key"));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
