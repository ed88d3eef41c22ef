package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.testing.BadInputCorpus;
import de.stadtretter.testing.BadInputVerdict;
import de.stadtretter.testing.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input guard through the gateway of the running platform, with real Keycloak tokens: every endpoint that
 * each service reports in its request mappings ({@code /actuator/mappings}, admins only) gets the
 * {@link BadInputCorpus} via the gateway. Never a 5xx, errors are problem+json with the gateway's security headers,
 * and no table in any service's database changes for a refused request. Each request comes from a client address
 * of its own ({@code X-Forwarded-For}, trusted one hop in the local profile), so the subscription limit does not
 * turn the corpus into 429s.
 */
@ExtendWith(StadtretterPlatform.class)
class BadInputThroughGatewayIT {

    private static final Map<String, Integer> SERVICES = Map.of("catalog", 8081, "partner", 8082, "matching", 8083,
            "notification", 8084);

    @TestFactory
    Stream<DynamicTest> everyRoutedEndpointSurvivesBadInput() throws Exception {
        String admin = Endpoints.keycloak().token("admin", Endpoints.DEMO_PASSWORD);
        List<BadInputCorpus.Endpoint> endpoints = new ArrayList<>();
        for (int port : SERVICES.values()) {
            endpoints.addAll(routedEndpoints(port, admin));
        }
        assertThat(endpoints).extracting(BadInputCorpus.Endpoint::pathTemplate)
                .contains("/api/catalog/cases", "/api/notifications/subscriptions");
        List<Connection> databases = new ArrayList<>();
        for (String name : SERVICES.keySet()) {
            databases.add(DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/" + name, "postgres",
                    "postgres"));
        }
        RawHttp gateway = new RawHttp("127.0.0.1", 8080);
        BadInputVerdict verdict = new BadInputVerdict(gateway, databases,
                List.of("x-content-type-options", "content-security-policy", "x-frame-options", "cache-control"));
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add("not.a.token");
        tokens.add(Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD));
        tokens.add(Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD));
        List<String> names = List.of("anonymous", "invalid token", "kommune", "redaktion");
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            List<String> failures = new ArrayList<>();
            for (RawHttp.Request base : BadInputCorpus.requests(endpoint)) {
                for (int t = 0; t < tokens.size(); t++) {
                    RawHttp.Request request = base.copy().bearer(tokens.get(t)).header("X-Forwarded-For",
                            "2001:db8:1::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)));
                    String problem = verdict.judge(endpoint, request);
                    if (problem != null) {
                        failures.add("[" + names.get(t) + "] " + request + "\n    → " + problem);
                    }
                }
            }
            assertThat(failures).as("bad requests to %s through the gateway that got a wrong answer", endpoint)
                    .isEmpty();
        })).onClose(() -> databases.forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the run is over
            }
        }));
    }

    /** The service's endpoints under /api (the gateway routes nothing else), from its request mappings. */
    private static List<BadInputCorpus.Endpoint> routedEndpoints(int port, String adminToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/mappings"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("mappings of the service on port " + port).isEqualTo(200);
        JsonNode root = de.stadtretter.e2e.support.Json.MAPPER.readTree(response.body());
        List<BadInputCorpus.Endpoint> endpoints = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (JsonNode conditions : root.findValues("requestMappingConditions")) {
            JsonNode details = conditions;
            List<String> methods = new ArrayList<>();
            details.path("methods").forEach(m -> methods.add(m.asString()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST"));
            }
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            for (JsonNode pattern : details.path("patterns")) {
                String path = pattern.asString();
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (String method : methods) {
                    if (seen.add(method + " " + path)) {
                        boolean body = !method.equals("GET") && !method.equals("HEAD");
                        endpoints.add(new BadInputCorpus.Endpoint(method, path, new LinkedHashMap<>(),
                                body ? Map.class : null, path.contains("/confirm") || path.contains("/unsubscribe")));
                    }
                }
            }
        }
        return endpoints;
    }
}
