package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.Json;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.testing.SearchWorkload;

/**
 * Benchmark of the catalogue search, not a timed test, run on demand:
 * {@code ./mvnw -o -pl deploy/e2e-tests verify -Dit.test=SearchBenchmark [-Dstadtretter.bench.cases=100000]}.
 * Fills the catalogue database of the running platform with synthetic published cases (catalog-service's own
 * generator, run as a second JVM: {@code --stadtretter.catalog.synthetic-cases=N}), rebuilds the search index, then
 * measures searches with a query and two facet filters (all facets, highlights) and suggestions: inside the
 * service (its Micrometer timer), directly against catalog-service and through the gateway, and the service's RSS.
 * Writes {@code target/benchmark-search.txt}; numbers in docs/benchmarks.md.
 */
@ExtendWith(StadtretterPlatform.class)
class SearchBenchmark {

    static final int CASES = Integer.getInteger("stadtretter.bench.cases", 100_000);
    /** A long-running service is warm: enough requests that the JIT has compiled the search paths. */
    static final int WARMUP = 1_000;
    static final int MEASURED = 1_000;
    static final String DIRECT = "http://127.0.0.1:8081";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void searchAt100kCases() throws Exception {
        String admin = Endpoints.keycloak().token("admin", Endpoints.DEMO_PASSWORD);
        long present = total(Endpoints.GATEWAY);
        long generateMs = 0;
        if (present < CASES) {
            long t0 = System.nanoTime();
            generate(CASES);
            generateMs = (System.nanoTime() - t0) / 1_000_000;
        }
        HttpResponse<String> rebuilt = http.send(HttpRequest.newBuilder(
                        // directly: a rebuild of 100k cases may take longer than the gateway's 30 s response timeout
                        URI.create(DIRECT + "/api/catalog/admin/search-index/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        Map<String, Object> rebuild = Json.object(rebuilt.body());
        long indexed = ((Number) rebuild.get("cases")).longValue();
        assertThat(indexed).isGreaterThanOrEqualTo(CASES);

        List<String> searches = new ArrayList<>();
        List<String> suggests = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            SearchWorkload.Search search = SearchWorkload.search(i);
            searches.add("/api/catalog/search?q=" + URLEncoder.encode(search.q(), StandardCharsets.UTF_8)
                    + "&topic=" + search.topic() + "&townType=" + search.townType() + "&size=20");
            suggests.add("/api/catalog/search/suggest?q="
                    + URLEncoder.encode(SearchWorkload.prefix(i), StandardCharsets.UTF_8));
        }
        // one answer checked for what the benchmark claims to measure: hits, all facets, highlights
        Map<String, Object> sample = Json.object(get(DIRECT + "/api/catalog/search?q=Leerstand&topic=leerstand"
                + "&townType=50&size=20").body());
        assertThat(((Number) sample.get("totalItems")).longValue()).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> facets = (Map<String, Object>) sample.get("facets");
        assertThat(facets).containsKeys("topic", "land", "townType", "projectStatus", "budget");
        assertThat(Json.object(get(DIRECT + "/api/catalog/search?q=Leerstand&size=1").body()).toString())
                .contains("<mark>");

        // the service's timer keeps a sliding window of about two minutes: read it right after each direct run
        String scrape = "http://127.0.0.1:" + catalogManagementPort() + "/actuator/prometheus";
        Stats searchDirect = run(DIRECT, searches);
        String afterSearch = get(scrape, admin).body();
        Stats suggestDirect = run(DIRECT, suggests);
        String afterSuggest = get(scrape, admin).body();
        Stats searchGateway = run(Endpoints.GATEWAY, searches);
        Stats suggestGateway = run(Endpoints.GATEWAY, suggests);
        Map<String, Long> rss = rssKb();

        String report = String.format(Locale.ROOT, """
                Search benchmark, %d published cases indexed (%s)
                  generating the synthetic cases: %s
                  index rebuild: %d ms
                  search (q + topic + townType filter, all facets, highlights, size 20), %d measured after %d warm-up:
                    inside the service   p50 %s  p95 %s  p99 %s
                    direct to the service %s
                    through the gateway   %s
                  suggest:
                    inside the service   p50 %s  p95 %s  p99 %s
                    direct to the service %s
                    through the gateway   %s
                  catalog-service RSS after the run: %d MiB (anonymous: heap and native %d MiB; file: mapped index pages %d MiB)
                """, indexed, java.time.Instant.now(), generateMs == 0 ? "already there" : generateMs + " ms",
                ((Number) rebuild.get("millis")).longValue(), MEASURED, WARMUP,
                quantile(afterSearch, "search", "0.5"), quantile(afterSearch, "search", "0.95"),
                quantile(afterSearch, "search", "0.99"), searchDirect, searchGateway,
                quantile(afterSuggest, "suggest", "0.5"), quantile(afterSuggest, "suggest", "0.95"),
                quantile(afterSuggest, "suggest", "0.99"), suggestDirect, suggestGateway, rss.get("VmRSS") / 1024,
                rss.get("RssAnon") / 1024, rss.get("RssFile") / 1024);
        System.out.print(report);
        Files.writeString(Path.of("target/benchmark-search.txt"), report);
    }

    /** Client-side latencies in ms: p50, p95, p99, max of the measured requests. */
    record Stats(double p50, double p95, double p99, double max) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.1f ms", p50, p95, p99,
                    max);
        }
    }

    private Stats run(String base, List<String> paths) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(base + paths.get(i));
            long t1 = System.nanoTime();
            assertThat(r.statusCode()).as(paths.get(i) + " " + r.body()).isEqualTo(200);
            if (i >= WARMUP) {
                ms.add((t1 - t0) / 1e6);
            }
        }
        Collections.sort(ms);
        return new Stats(at(ms, 0.5), at(ms, 0.95), at(ms, 0.99), ms.getLast());
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, null);
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long total(String base) throws Exception {
        return ((Number) Json.object(get(base + "/api/catalog/search?size=1").body()).get("totalItems")).longValue();
    }

    /** Runs catalog-service's generator beside the running platform, on the same database. */
    private static void generate(int count) throws Exception {
        Path repo = Path.of(System.getProperty("stadtretter.repoDir"));
        Path jar = repo.resolve("catalog-service/target/catalog-service.jar");
        Path log = Path.of("target/benchmark-search-generator.log");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
                jar.toString(), "--server.port=0",
                "--stadtretter.catalog.synthetic-cases=" + count,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/catalog",
                "--logging.structured.format.console=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor()).as("generator exit code, see " + log).isZero();
    }

    private static int catalogManagementPort() {
        return Integer.getInteger("stadtretter.bench.catalogManagementPort", 8081);
    }

    /** The resident set of the catalog-service process (the one listening on 8081), in all and by kind, from /proc. */
    private static Map<String, Long> rssKb() throws IOException {
        Map<String, Long> kb = new java.util.HashMap<>(Map.of("VmRSS", -1024L, "RssAnon", -1024L, "RssFile", -1024L));
        for (ProcessHandle ph : ProcessHandle.allProcesses().toList()) {
            String cmd = ph.info().commandLine().orElse("");
            if (cmd.contains("catalog-service.jar") && !cmd.contains("synthetic-cases")) {
                for (String line : Files.readAllLines(Path.of("/proc/" + ph.pid() + "/status"))) {
                    String key = line.substring(0, Math.max(0, line.indexOf(':')));
                    if (kb.containsKey(key)) {
                        kb.put(key, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            }
        }
        return kb;
    }

    /** A quantile of the service's own timer from the Prometheus scrape, in ms. */
    private static String quantile(String prometheus, String kind, String q) {
        Matcher m = Pattern.compile("stadtretter_search_seconds\\{[^}]*kind=\"" + kind + "\"[^}]*quantile=\"" + q
                + "\"[^}]*\\} ([0-9.eE+-]+)").matcher(prometheus);
        return m.find() ? String.format(Locale.ROOT, "%.2f ms", Double.parseDouble(m.group(1)) * 1000) : "n/a";
    }
}
