package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.testing.RawHttp;

/**
 * The requests of the hardening issue, through the gateway of the running platform with real Keycloak tokens: each
 * gets a 4xx problem+json with the security headers, never a 5xx, and a refused request changes nothing. (Every
 * endpoint gets the whole bad-input corpus directly in each service's BadInputGuardTest; the gateway's own answers
 * are tested in the gateway module.)
 */
@ExtendWith(StadtretterPlatform.class)
class HardeningIT {

    private final RawHttp gateway = new RawHttp("127.0.0.1", 8080);
    private final String kommune = Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD);
    private final String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);

    private static final String CASE = """
            {"title": "%s", "teaser": "Leerstand wird zur Bühne.", "ags": "01001000", "topics": ["leerstand"]}""";

    private RawHttp.Response send(RawHttp.Request request) {
        RawHttp.Response response = gateway.send(request);
        assertThat(response.status()).as(request + " → " + response).isBetween(400, 499);
        assertThat(response.contentType()).as(request + " → " + response).isEqualTo("application/problem+json");
        assertThat(response.header("x-content-type-options")).as(request.toString()).isEqualTo("nosniff");
        assertThat(response.header("content-security-policy")).as(request.toString()).isNotNull();
        assertThat(response.bodyText()).as(request.toString()).doesNotContain("Exception")
                .doesNotContain("127.0.0.1").doesNotContain("<html");
        return response;
    }

    private long draftsOfFlensburg() {
        RawHttp.Response list = gateway.send(new RawHttp.Request("GET", "/api/catalog/cases?status=DRAFT&size=1")
                .bearer(redaktion));
        assertThat(list.status()).isEqualTo(200);
        String body = list.bodyText();
        return Long.parseLong(body.replaceAll("(?s).*\"totalItems\":(\\d+).*", "$1"));
    }

    @Test
    void badTextAndWrongTypesAre400NamingTheFieldAndCreateNothing() {
        long before = draftsOfFlensburg();
        for (String title : List.of("a\\u0000b", "\\u202Eevil", "\\ud800", "\\u200B\\u00A0")) {
            RawHttp.Response r = send(new RawHttp.Request("POST", "/api/catalog/cases").bearer(kommune)
                    .json(CASE.formatted(title)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("\"field\":\"title\"");
        }
        send(new RawHttp.Request("POST", "/api/catalog/cases").bearer(kommune)
                .json(CASE.formatted("x").replace("\"x\"", "123")));
        assertThat(draftsOfFlensburg()).isEqualTo(before);
    }

    @Test
    void contentNegotiationFailsBeforeAnythingIsCreated() {
        long before = draftsOfFlensburg();
        RawHttp.Response r = send(new RawHttp.Request("POST", "/api/catalog/cases").bearer(kommune)
                .header("Accept", "application/xml").json(CASE.formatted("Gar nicht erst angelegt")));
        assertThat(r.status()).isEqualTo(406);
        assertThat(draftsOfFlensburg()).isEqualTo(before);
    }

    @Test
    void invalidUtf8MalformedPathsAndTheErrorPageAreClientErrors() {
        for (String target : List.of("/api/catalog/cases?topic=%FF", "/api/catalog/topics?token=%C0%AF",
                "/api/notifications/subscriptions/confirm?token=%E2%82",
                "/api/notifications/subscriptions/unsubscribe?token=%FF", "/api/catalog/cases/%FF",
                "/api/catalog/cases/..%2f..%2factuator", "/api/catalog/cases/not-a-uuid")) {
            send(new RawHttp.Request("GET", target));
        }
        assertThat(send(new RawHttp.Request("GET", "/error")).status()).isEqualTo(404);
    }

    @Test
    void oversizedBodiesAre413() {
        byte[] big = ("{\"title\": \"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(send(new RawHttp.Request("POST", "/api/catalog/cases").bearer(kommune)
                .body("application/json", big)).status()).isEqualTo(413);
        assertThat(send(new RawHttp.Request("POST", "/api/notifications/subscriptions")
                .body("application/json", big).chunked()).status()).isEqualTo(413);
    }

    @Test
    void duplicateTopicsAreRefusedInSubscriptionsAsInCases() {
        send(new RawHttp.Request("POST", "/api/notifications/subscriptions")
                .json("{\"email\": \"doppelt@example.org\", \"topics\": [\"leerstand\", \"leerstand\"]}"));
        send(new RawHttp.Request("POST", "/api/catalog/cases").bearer(kommune)
                .json(CASE.formatted("Doppelt").replace("[\"leerstand\"]", "[\"leerstand\", \"leerstand\"]")));
    }

    @Test
    void unauthorizedAnswersNameNoInternalAddress() {
        RawHttp.Response none = send(new RawHttp.Request("POST", "/api/catalog/cases").json(CASE.formatted("x")));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("www-authenticate")).isEqualTo("Bearer");
        RawHttp.Response bad = send(new RawHttp.Request("POST", "/api/catalog/cases").bearer("not.a.token")
                .json(CASE.formatted("x")));
        assertThat(bad.header("www-authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void anInvisibleDraftIsNotFoundForAnotherOrganisation() {
        RawHttp.Response created = gateway.send(new RawHttp.Request("POST", "/api/catalog/cases").bearer(redaktion)
                .json(CASE.formatted("Entwurf aus Kiel").replace("01001000", "01002000")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.bodyText().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(send(new RawHttp.Request("POST", "/api/catalog/cases/" + id + "/submit").bearer(kommune))
                .status()).isEqualTo(404);
    }

    @Test
    void subscribingIsLimitedPerClientAddress() {
        // the local profile trusts one proxy hop, so this test is a client of its own (2001:db8::/32: documentation)
        String client = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        int accepted = 0;
        RawHttp.Response last = null;
        for (int i = 0; i < 40 && (last == null || last.status() != 429); i++) {
            last = gateway.send(new RawHttp.Request("POST", "/api/notifications/subscriptions")
                    .header("X-Forwarded-For", client)
                    .json("{\"email\": \"flut-" + i + "@example.org\", \"topics\": [\"leerstand\"]}"));
            if (last.status() == 202) {
                accepted++;
            }
        }
        assertThat(accepted).as("accepted before the limit").isEqualTo(30);
        send(new RawHttp.Request("POST", "/api/notifications/subscriptions").header("X-Forwarded-For", client)
                .json("{\"email\": \"flut-x@example.org\", \"topics\": [\"leerstand\"]}"));
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("retry-after"))).isPositive();
    }

    @Test
    void headWorksLikeGetAndLocalHasNoHsts() {
        RawHttp.Response head = gateway.send(new RawHttp.Request("HEAD", "/api/catalog/cases"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("x-xss-protection")).isEqualTo("0");
        assertThat(head.header("strict-transport-security")).as("local profile: plain HTTP").isNull();
        assertThat(head.header("cache-control")).isNotNull();
    }
}
