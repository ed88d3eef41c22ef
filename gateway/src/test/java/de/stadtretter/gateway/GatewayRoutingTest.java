package de.stadtretter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * Starts the real gateway with its real application.yaml; each route points at a small HTTP server standing in
 * for one service, which records what arrives. Proves the routes under spring.cloud.gateway.server.webflux are
 * loaded and pass paths, queries, bodies and the bearer token on unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=", "management.server.port=0"})
class GatewayRoutingTest {

    record Received(String service, String method, String pathAndQuery, String authorization, String body) {}

    static final Map<String, Received> received = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> services = new ConcurrentHashMap<>();

    static {
        for (String service : List.of("catalog", "partner", "matching", "notification")) {
            services.put(service, upstream(service));
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        services.forEach((name, server) -> registry.add("stadtretter.services." + name,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
        // the route to a service that is down: nothing listens on that port any more
        int closedPort = closedPort();
        registry.add("stadtretter.services.matching", () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stopUpstreams() {
        services.values().forEach(server -> server.stop(0));
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RouteLocator routeLocator;

    RestClient http() {
        return http(port);
    }

    RestClient http(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void routesFromTheWebfluxServerNamespaceAreLoaded() {
        List<String> ids = routeLocator.getRoutes().map(Route::getId).collectList().block();
        assertThat(ids).containsExactlyInAnyOrder("catalog", "partner", "matching", "notification");
    }

    @Test
    void catalogRequestReachesCatalogWithPathQueryAndTokenUnchanged() {
        ResponseEntity<String> response = http().get().uri("/api/catalog/cases?topic=leerstand&page=0")
                .header("Authorization", "Bearer abc.def.ghi").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"service\":\"catalog\"}");
        Received request = received.get("catalog");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/api/catalog/cases?topic=leerstand&page=0");
        assertThat(request.authorization()).isEqualTo("Bearer abc.def.ghi");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void subscriptionPostReachesNotificationWithItsBody() {
        String body = "{\"email\":\"anna@example.org\",\"topics\":[\"leerstand\"]}";
        ResponseEntity<String> response = http().post().uri("/api/notifications/subscriptions")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(received.get("notification").method()).isEqualTo("POST");
        assertThat(received.get("notification").body()).isEqualTo(body);
    }

    @Test
    void partnerRootPathIsRouted() {
        ResponseEntity<String> response = http().get().uri("/api/partners").retrieve().toEntity(String.class);
        assertThat(response.getBody()).isEqualTo("{\"service\":\"partner\"}");
    }

    @Test
    void unknownApiPathIs404() {
        ResponseEntity<String> response = http().get().uri("/api/unknown/things").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void serviceThatIsDownGives503ProblemWithoutInternals() {
        ResponseEntity<String> response = http().get().uri("/api/matching/needs").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(String.valueOf(response.getBody())).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void portalPageIsServedInGermanWithSecurityHeaders() {
        ResponseEntity<String> response = http().get().uri("/").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("<html lang=\"de\">").contains("Praxisbeispiele");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void probesAndMetricsAnswerOnTheManagementPortOnly() {
        for (String probe : List.of("liveness", "readiness")) {
            ResponseEntity<String> response = http(managementPort).get().uri("/actuator/health/" + probe).retrieve()
                    .toEntity(String.class);
            assertThat(response.getStatusCode().value()).as(probe).isEqualTo(200);
            assertThat(response.getBody()).as(probe).contains("UP");
        }
        assertThat(http(managementPort).get().uri("/actuator/prometheus").retrieve().toEntity(String.class)
                .getBody()).contains("application=\"gateway\"");
        assertThat(http().get().uri("/actuator/prometheus").retrieve().toEntity(String.class).getStatusCode()
                .value()).isEqualTo(404);
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer upstream(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.put(service, new Received(service, exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Authorization"),
                        body));
                byte[] answer = ("{\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
