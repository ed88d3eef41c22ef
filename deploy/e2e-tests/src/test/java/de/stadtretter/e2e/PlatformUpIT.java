package de.stadtretter.e2e;

import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.KafkaClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform comes up as {@code ./stadtretter} starts it, and Keycloak issues the tokens the services expect. */
@ExtendWith(StadtretterPlatform.class)
class PlatformUpIT {

    @Test
    void everyServiceTheGatewayAndThePortalAreReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // the gateway's and the portal's actuators have ports of their own
        for (int port : List.of(9080, 9085, 8081, 8082, 8083, 8084)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Endpoints.serviceReadiness(port)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("readiness of port %d", port).isEqualTo(200);
            assertThat(r.body()).contains("UP");
        }
    }

    @Test
    void keycloakIssuesTokensWithRolesOrganisationAndAudience() {
        Map<String, Object> claims = Endpoints.keycloak().claims("kommune", Endpoints.DEMO_PASSWORD);

        assertThat(claims.get("iss")).isEqualTo(Endpoints.ISSUER);
        assertThat(asList(claims.get("aud"))).contains("stadtretter-api");
        assertThat(asList(claims.get("roles"))).contains("kommune").doesNotContain("redaktion", "admin");
        assertThat(claims.get("organisation")).isEqualTo(Endpoints.KOMMUNE_AGS);
        assertThat(claims.get("preferred_username")).isEqualTo("kommune");
        assertThat(claims.get("email")).isEqualTo("kommune@stadtretter.local");

        Map<String, Object> partner = Endpoints.keycloak().claims("partner", Endpoints.DEMO_PASSWORD);
        assertThat(asList(partner.get("roles"))).contains("partner");
        assertThat(partner.get("organisation")).isEqualTo(Endpoints.PARTNER_ID);
    }

    @Test
    void kafkaCarriesRecords() {
        // the platform's topics exist with 3 partitions each ...
        assertThat(Endpoints.kafka().partitions("catalog.case.v1")).isEqualTo(3);
        assertThat(Endpoints.kafka().partitions("catalog.case.v1-dlt")).isEqualTo(3);
        for (String topic : java.util.List.of("partner.profile.v1", "partner.profile.v1-dlt", "partner.contact.v1",
                "partner.contact.v1-dlt", "matching.need.v1", "matching.need.v1-dlt", "matching.match.v1",
                "matching.match.v1-dlt", "catalog.review.v1", "catalog.review.v1-dlt", "partner.review.v1",
                "partner.review.v1-dlt")) {
            assertThat(Endpoints.kafka().partitions(topic)).as(topic).isEqualTo(3);
        }
        // ... and a record goes round trip (on a topic of the tests' own, not to disturb the services)
        String key = KafkaClient.newKey();
        Endpoints.kafka().createTopic("e2e.probe", 1);
        try (KafkaClient.Reader reader = Endpoints.kafka().readerFromNow("e2e.probe")) {
            Endpoints.kafka().produce("e2e.probe", key, "{\"e2e\":true}", Map.of("origin", "e2e"));
            ConsumerRecord<String, String> r = reader.await(rec -> key.equals(rec.key()), Duration.ofSeconds(30));
            assertThat(KafkaClient.header(r, "origin")).isEqualTo("e2e");
        }
    }

    @Test
    void mailIsReachable() {
        assertThat(Endpoints.mail().all()).isNotNull();
        assertThat(Endpoints.mail().inbox("nobody-" + KafkaClient.newKey() + "@stadtretter.local")).isEmpty();
    }

    private static List<Object> asList(Object claim) {
        return claim instanceof List<?> l ? List.copyOf(l) : List.of(claim);
    }
}
