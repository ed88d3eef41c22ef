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
 * service (its {@code Server-Timing} header), directly against catalog-service and through the gateway, and the
 * service's RSS.
 * Writes {@code target/benchmark-search.txt}; numbers in docs/benchmarks.md.
 */
@ExtendWith(StadtretterPlatform.class)
class SearchBenchmark {

    static final int CASES = Integer.getInteger("stadtretter.bench.cases", 100_000);
    /**
     * A long-running service is warm: enough requests that the JIT has compiled the search paths. On 2 shared cores
     * the optimising compiler needs several thousand searches for Lucene's and the highlighter's paths: after 1,000
     * the p95 inside the service was still 30-50 % above its value after 5,000 (measured, docs/benchmarks.md).
     */
    static final int WARMUP = 4_000;
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

        // the time inside the service comes with every answer (Server-Timing): only the measured requests count
        Run searchDirect = run(DIRECT, searches);
        Run suggestDirect = run(DIRECT, suggests);
        Run searchGateway = run(Endpoints.GATEWAY, searches);
        Run suggestGateway = run(Endpoints.GATEWAY, suggests);
        Map<String, Long> rss = rssKb();

        String report = String.format(Locale.ROOT, """
                Search benchmark, %d published cases indexed (%s)
                  generating the synthetic cases: %s
                  index rebuild: %d ms
                  search (q + topic + townType filter, all facets, highlights, size 20), %d measured after %d warm-up:
                    inside the service    %s
                    direct to the service %s
                    through the gateway   %s (inside the service %s)
                  suggest:
                    inside the service    %s
                    direct to the service %s
                    through the gateway   %s (inside the service %s)
                  catalog-service RSS after the run: %d MiB (anonymous: heap and native %d MiB; file: mapped index pages %d MiB)
                """, indexed, java.time.Instant.now(), generateMs == 0 ? "already there" : generateMs + " ms",
                ((Number) rebuild.get("millis")).longValue(), MEASURED, WARMUP,
                searchDirect.inside(), searchDirect.client(), searchGateway.client(), searchGateway.inside().p95Only(),
                suggestDirect.inside(), suggestDirect.client(), suggestGateway.client(),
                suggestGateway.inside().p95Only(), rss.get("VmRSS") / 1024, rss.get("RssAnon") / 1024,
                rss.get("RssFile") / 1024);
        System.out.print(report);
        Files.writeString(Path.of("target/benchmark-search.txt"), report);
        Files.writeString(Path.of("target/benchmark-search-memory.txt"), memoryBreakdown());
    }

    /** Client-side latencies in ms: p50, p95, p99, max of the measured requests. */
    record Stats(double p50, double p95, double p99, double max) {
        static Stats of(List<Double> ms) {
            List<Double> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            return new Stats(at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99), sorted.getLast());
        }

        String p95Only() {
            return String.format(Locale.ROOT, "p95 %.2f ms", p95);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.1f ms", p50, p95, p99,
                    max);
        }
    }

    /** The client's latencies and the service's own times (its Server-Timing header) of one run. */
    record Run(Stats client, Stats inside) {}

    private Run run(String base, List<String> paths) throws Exception {
        List<Double> client = new ArrayList<>();
        List<Double> inside = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(base + paths.get(i));
            long t1 = System.nanoTime();
            assertThat(r.statusCode()).as(paths.get(i) + " " + r.body()).isEqualTo(200);
            if (i >= WARMUP) {
                client.add((t1 - t0) / 1e6);
                String timing = r.headers().firstValue("Server-Timing").orElseThrow();
                Matcher dur = SERVER_TIMING.matcher(timing);
                assertThat(dur.find()).as(timing).isTrue();
                inside.add(Double.parseDouble(dur.group(1)));
            }
        }
        return new Run(Stats.of(client), Stats.of(inside));
    }

    private static final Pattern SERVER_TIMING = Pattern.compile(";dur=([0-9.]+)");

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

    /**
     * Where catalog-service's memory goes, from {@code jcmd}: the native memory summary when the service runs with
     * {@code -XX:NativeMemoryTracking=summary} (e.g. {@code JAVA_TOOL_OPTIONS} for the benchmark run), the heap
     * otherwise.
     */
    private static String memoryBreakdown() throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        for (ProcessHandle ph : ProcessHandle.allProcesses().toList()) {
            String cmd = ph.info().commandLine().orElse("");
            if (cmd.contains("catalog-service.jar") && !cmd.contains("synthetic-cases")) {
                StringBuilder out = new StringBuilder();
                for (String what : List.of("VM.native_memory", "GC.heap_info")) {
                    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(ph.pid()), what)
                            .redirectErrorStream(true).start();
                    out.append("$ jcmd <catalog-service> ").append(what).append('\n')
                            .append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    p.waitFor();
                }
                return out.toString();
            }
        }
        return "catalog-service not found\n";
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
}
