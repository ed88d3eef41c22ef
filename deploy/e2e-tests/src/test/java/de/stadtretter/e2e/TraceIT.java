package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
 * The same for a contact request, through partner-service and notification-service's contact-mail queue.
 */
@ExtendWith(StadtretterPlatform.class)
class TraceIT {

    private static final String AUTHOR = "kommune2";
    private static final String ADDRESS = "kommune2@stadtretter.local";
    /** The contact address of the demo partner {@link Endpoints#PARTNER_ID} (partner-service, demo/partner.json). */
    private static final String DEMO_PARTNER_ADDRESS = "kontakt@innenstadtwerk-nord.example.org";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void publishToMailIsOneTrace() throws Exception {
        String author = Endpoints.keycloak().token(AUTHOR, Endpoints.DEMO_PASSWORD);
        assertThat(Endpoints.gateway().put("/api/notifications/me/address", author, "{\"workflowMails\": true}")
                .statusCode()).isEqualTo(200);
        String title = Cases.newTitle("Spur");
        String id = String.valueOf(Cases.create(author, title, "14713000", List.of("leerstand")).get("id"));
        Cases.submit(author, id);

        String traceId = randomHex(16);
        String rootSpan = randomHex(8);
        String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);
        HttpRequest.Builder publish = Endpoints.gateway().request(Cases.CASES + "/" + id + "/publish", redaktion)
                .header("traceparent", "00-" + traceId + "-" + rootSpan + "-01")
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> published = Endpoints.gateway().send(publish);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        Endpoints.mail().await(ADDRESS, m -> m.subject().equals("Ihr Praxisbeispiel „" + title + "“ ist veröffentlicht"),
                Duration.ofSeconds(60));

        List<ReceivedSpan> chain = chainOfMail(traceId, rootSpan, "mail send workflow");
        assertThroughKafkaToMail(chain, "catalog-service", "catalog.review.v1");

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

    /**
     * A town writes to a partner: the request enters partner-service, its event goes through the outbox relay and
     * Kafka to notification-service, whose contact-mail queue keeps the trace until the dispatcher sends the mail.
     */
    @Test
    void contactRequestToMailIsOneTrace() throws Exception {
        String flensburg = Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD);
        forgetContactRequestsOf(Endpoints.KOMMUNE_AGS);
        String traceId = randomHex(16);
        String rootSpan = randomHex(8);
        String subject = "Spur " + randomHex(4);
        String path = "/api/partners/" + Endpoints.PARTNER_ID + "/contact";
        HttpRequest.Builder contact = Endpoints.gateway().request(path, flensburg)
                .header("traceparent", "00-" + traceId + "-" + rootSpan + "-01")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"subject": "%s", "message": "Guten Tag, wie sind Sie vorgegangen?", "consent": true}"""
                        .formatted(subject)));
        HttpResponse<String> sent = Endpoints.gateway().send(contact);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        Endpoints.mail().await(DEMO_PARTNER_ADDRESS, m -> m.subject().equals("Anfrage über Stadtretter: " + subject),
                Duration.ofSeconds(60));

        List<ReceivedSpan> chain = chainOfMail(traceId, rootSpan, "mail send contact-request");
        assertThroughKafkaToMail(chain, "partner-service", "partner.contact.v1");
    }

    /**
     * The chain starts at the gateway, goes through {@code producer}'s outbox relay into {@code topic}, on into
     * notification-service's consumer, and ends with the mail's CLIENT span.
     */
    private static void assertThroughKafkaToMail(List<ReceivedSpan> chain, String producer, String topic) {
        assertThat(chain.getFirst().service()).isEqualTo("gateway");
        assertThat(chain).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo(producer);
            assertThat(s.name()).isEqualTo(topic + " send");
            assertThat(s.kind()).isEqualTo("PRODUCER");
        });
        assertThat(chain).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("notification-service");
            assertThat(s.kind()).isEqualTo("CONSUMER");
        });
        assertThat(chain.getLast().service()).isEqualTo("notification-service");
        assertThat(chain.getLast().kind()).isEqualTo("CLIENT");
    }

    /**
     * The spans from the request's {@code traceparent} down to the span named {@code mailSpan}, in that order. Each
     * component exports its spans on its own schedule: this waits until the whole chain has arrived.
     */
    private static List<ReceivedSpan> chainOfMail(String traceId, String rootSpan, String mailSpan) {
        AtomicReference<List<ReceivedSpan>> complete = new AtomicReference<>();
        Awaitility.await("the chain from the request to the mail's span").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    List<ReceivedSpan> chain = chain(TraceCollector.trace(traceId), mailSpan, rootSpan);
                    assertThat(chain).as("the span '%s'", mailSpan).isNotEmpty();
                    assertThat(chain.getFirst().parentSpanId())
                            .as("the chain ends at the request's traceparent: %s", chain).isEqualTo(rootSpan);
                    complete.set(chain);
                });
        return complete.get();
    }

    /** From the span named {@code last} up its parents, as far as they have arrived (empty: not there yet). */
    private static List<ReceivedSpan> chain(List<ReceivedSpan> trace, String last, String rootSpan) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId,
                Function.identity(), (a, b) -> a));
        List<ReceivedSpan> chain = new ArrayList<>();
        ReceivedSpan s = trace.stream().filter(t -> t.name().equals(last)).findFirst().orElse(null);
        for (; s != null; s = byId.get(s.parentSpanId())) {
            chain.add(0, s);
            if (s.parentSpanId().equals(rootSpan)) {
                break;
            }
        }
        return chain;
    }

    /**
     * A sender may write 5 contact requests within 24 hours: the platform's state outlives a test run, so repeated
     * runs start with an empty window for the town (partner-service's own table, as PartnerFlowIT reads it).
     */
    private static void forgetContactRequestsOf(String ags) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/partner", "postgres",
                "postgres");
                PreparedStatement s = c.prepareStatement("delete from contact_request where sender_organisation = ?")) {
            s.setString(1, ags);
            s.executeUpdate();
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
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
