package de.stadtretter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * What every service must offer operators and clients alike, run against the real server on a random port:
 * separate liveness and readiness probes, Prometheus metrics, and 401 problem+json for API calls without a
 * valid token. A service's test implements this on top of its own
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} configuration and names one protected path.
 */
public interface OperationalEndpointsContract {

    /** The port the service under test listens on. */
    int port();

    /** A path of this service's API that needs a token, e.g. {@code /api/partners}. */
    String protectedPath();

    default RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    default void livenessAndReadinessProbesAreSeparateAndUp() {
        for (String probe : new String[] {"liveness", "readiness"}) {
            ResponseEntity<String> response = http().get().uri("/actuator/health/" + probe).retrieve()
                    .toEntity(String.class);
            assertThat(response.getStatusCode().value()).as(probe).isEqualTo(200);
            assertThat(response.getBody()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    default void prometheusMetricsAreExposed() {
        ResponseEntity<String> response = http().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes").contains("application=");
    }

    @Test
    default void apiWithoutTokenIsRejectedWithProblemJson() {
        ResponseEntity<String> response = http().get().uri(protectedPath()).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.getBody()).contains("\"status\":401").doesNotContain("Exception");
    }

    @Test
    default void tokenFromAnotherIssuerKeyIsRejected() {
        ResponseEntity<String> response = http().get().uri(protectedPath())
                .header("Authorization", "Bearer " + TestTokens.foreignToken("mallory", "admin"))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
