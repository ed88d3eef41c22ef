package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.e2e.support.TraceCollector;
import de.stadtretter.e2e.support.TraceCollector.ReceivedSpan;

/**
 * One trace from "publish" to "mail": the Redaktion's publish request enters the gateway with a W3C
 * {@code traceparent}; the trace goes on through catalog-service, its outbox relay into the Kafka record's headers,
 * notification-service's consumer, and the dispatcher that sends the author's mail. The spans come from the real
 * services over OTLP ({@link TraceCollector}); the tree is written to {@code target/trace-publish-to-mail.txt}.
 */
@ExtendWith(StadtretterPlatform.class)
class TraceIT {

    private static final String AUTHOR = "kommune2";
    private static final String ADDRESS = "kommune2@stadtretter.local";

    @Test
    void publishToMailIsOneTrace() throws Exception {
        String author = Endpoints.keycloak().token(AUTHOR, Endpoints.DEMO_PASSWORD);
        assertThat(Endpoints.gateway().put("/api/notifications/me/address", author, "{\"workflowMails\": true}")
                .statusCode()).isEqualTo(200);
        String title = Cases.newTitle("Spur");
        String id = String.valueOf(Cases.create(author, title, "14713000", List.of("leerstand")).get("id"));
        Cases.submit(author, id);

        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        byte[] traceBytes = new byte[16];
        byte[] spanBytes = new byte[8];
        random.nextBytes(traceBytes);
        random.nextBytes(spanBytes);
        String traceId = hex.formatHex(traceBytes);
        String rootSpan = hex.formatHex(spanBytes);
        String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);
        HttpRequest.Builder publish = Endpoints.gateway().request(Cases.CASES + "/" + id + "/publish", redaktion)
                .header("traceparent", "00-" + traceId + "-" + rootSpan + "-01")
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> published = Endpoints.gateway().send(publish);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        Endpoints.mail().await(ADDRESS, m -> m.subject().equals("Ihr Praxisbeispiel „" + title + "“ ist veröffentlicht"),
                Duration.ofSeconds(60));

        // the mail's span arrives last (exported within a second or two of being sent)
        ReceivedSpan mail = Awaitility.await("the mail's span").atMost(Duration.ofSeconds(30))
                .until(() -> TraceCollector.trace(traceId).stream()
                        .filter(s -> s.name().equals("mail send workflow")).findFirst(), Optional::isPresent)
                .orElseThrow();
        List<ReceivedSpan> trace = TraceCollector.trace(traceId);
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId,
                Function.identity(), (a, b) -> a));

        // from the mail up to the request that came in: one unbroken chain of parents
        List<ReceivedSpan> chain = new ArrayList<>();
        for (ReceivedSpan s = mail; s != null; s = byId.get(s.parentSpanId())) {
            chain.add(0, s);
            if (s.parentSpanId().equals(rootSpan)) {
                break;
            }
        }
        assertThat(chain.get(0).parentSpanId()).as("the chain ends at the request's traceparent: %s", chain)
                .isEqualTo(rootSpan);
        assertThat(chain.get(0).service()).isEqualTo("gateway");
        assertThat(chain).extracting(ReceivedSpan::service).contains("catalog-service", "notification-service");
        assertThat(chain).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("catalog-service");
            assertThat(s.name()).isEqualTo("catalog.review.v1 send");
            assertThat(s.kind()).isEqualTo("PRODUCER");
        });
        assertThat(chain).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("notification-service");
            assertThat(s.kind()).isEqualTo("CONSUMER");
        });
        assertThat(mail.kind()).isEqualTo("CLIENT");

        // the same trace reached the other consumers of the publish (catalog.case.v1)
        Awaitility.await("the case event's consumers").atMost(Duration.ofSeconds(30))
                .until(() -> TraceCollector.trace(traceId).stream()
                        .filter(s -> s.kind().equals("CONSUMER")).map(ReceivedSpan::service).distinct().count() >= 3);

        Path out = Path.of("target", "trace-publish-to-mail.txt");
        Files.createDirectories(out.getParent());
        StringBuilder tree = new StringBuilder("trace " + traceId + " (publish -> mail)\n");
        print(tree, TraceCollector.trace(traceId), rootSpan, 0);
        Files.writeString(out, tree);
        System.out.println(tree);
    }

    private static void print(StringBuilder out, List<ReceivedSpan> spans, String parent, int depth) {
        for (ReceivedSpan s : spans) {
            if (s.parentSpanId().equals(parent)) {
                out.append("  ".repeat(depth + 1)).append(s.service()).append("  ").append(s.kind()).append("  ")
                        .append(s.name()).append('\n');
                print(out, spans, s.spanId(), depth + 1);
            }
        }
    }
}
