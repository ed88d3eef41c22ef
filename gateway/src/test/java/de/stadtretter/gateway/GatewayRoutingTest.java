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
 * Proves the routes under spring.cloud.gateway.server.webflux are loaded and pass paths, queries, bodies and the
 * bearer token on unchanged.
 */
class GatewayRoutingTest extends GatewayIntegrationTest {

    @Test
    void routesFromTheWebfluxServerNamespaceAreLoaded() {
        List<String> ids = routeLocator.getRoutes().map(Route::getId).collectList().block();
        assertThat(ids).containsExactlyInAnyOrder("catalog", "partner", "matching", "notification", "portal");
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
    void portalPagesComeThroughWithSecurityHeaders() {
        ResponseEntity<String> response = http().get().uri("/").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("<title>portal</title>");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
                .contains("form-action 'self'").doesNotContain("unsafe-inline");
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
}
