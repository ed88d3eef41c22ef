package de.stadtretter.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.demo.SyntheticCases;
import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.catalog.search.query.CaseSearch;
import de.stadtretter.catalog.search.query.CaseSuggestions;
import de.stadtretter.catalog.search.query.SearchRequest;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.testing.SearchWorkload;

/**
 * The search engine alone, in this JVM, over N synthetic cases: index rebuild, then searches of the shape of the
 * platform benchmark (a query, a topic and a town-type filter, all facets, highlights, 20 per page) and suggestions,
 * with the time per query. Not part of the build (no {@code *Test}); run with
 * {@code ./mvnw -pl catalog-service test -Dtest=SearchIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DenableAssertions=false [-Dstadtretter.bench.cases=100000]} (surefire enables Java assertions by default, and
 * Lucene's cost about half the search time). The numbers through HTTP come from the platform's
 * {@code SearchBenchmark}.
 */
class SearchIndexBenchmark {

    static final int CASES = Integer.getInteger("stadtretter.bench.cases", 100_000);
    static final int WARMUP = 1_500;
    static final int MEASURED = 1_000;

    @Test
    void searchEngineAtScale() {
        ReferenceData reference = ReferenceData.get();
        SyntheticCases generator = new SyntheticCases(reference, 1);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        try (SearchIndex index = new SearchIndex(new CaseDocuments(reference), null)) {
            long t0 = System.nanoTime();
            index.rebuild(sink -> {
                for (int i = 0; i < CASES; i++) {
                    SyntheticCases.Synthetic s = generator.next(i);
                    sink.accept(Case.draft(s.id(), s.ags(), s.content(), "benchmark", at).submit(at).publish(at));
                }
            });
            long rebuildMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(index.size()).isEqualTo(CASES);

            CaseSearch search = new CaseSearch(index, reference);
            CaseSuggestions suggestions = new CaseSuggestions(index, reference);
            Map<String, List<Long>> perQuery = new TreeMap<>();
            List<Long> searches = new ArrayList<>();
            List<Long> suggests = new ArrayList<>();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                SearchWorkload.Search workload = SearchWorkload.search(i);
                String q = workload.q();
                SearchRequest request = new SearchRequest(q, List.of(workload.topic()), null,
                        List.of(workload.townType()), null, null, null, null, null, null, 0, 20);
                long s = System.nanoTime();
                search.search(request);
                long searchUs = (System.nanoTime() - s) / 1_000;
                s = System.nanoTime();
                suggestions.suggest(SearchWorkload.prefix(i));
                long suggestUs = (System.nanoTime() - s) / 1_000;
                if (i >= WARMUP) {
                    searches.add(searchUs);
                    suggests.add(suggestUs);
                    perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(searchUs);
                }
            }
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                    Search engine in-process, %d synthetic cases
                      index rebuild (generation included): %d ms
                      search (q + topic + townType, all facets, highlights, size 20), %d after %d warm-up: %s
                      suggest: %s
                      mean per query:
                    """, CASES, rebuildMs, MEASURED, WARMUP, stats(searches), stats(suggests)));
            perQuery.forEach((q, times) -> report.append(String.format(Locale.ROOT, "    %-26s %6.2f ms%n", q,
                    times.stream().mapToLong(Long::longValue).average().orElse(0) / 1000)));
            System.out.print(report);
        }
    }

    private static String stats(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms", at(sorted, 0.5), at(sorted, 0.95),
                at(sorted, 0.99));
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
