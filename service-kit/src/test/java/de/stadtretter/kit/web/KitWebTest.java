package de.stadtretter.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.validator.constraints.UniqueElements;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.ProblemSecurityHandlers;
import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.testing.RawHttp;
import de.stadtretter.testing.TestPostgres;
import de.stadtretter.testing.TestTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The kit's HTTP hardening on a real Tomcat, with a tiny application of its own: each class of bad input from the
 * hardening issue, answered where the kit fixes it, so every service inherits the answer.
 */
@SpringBootTest(classes = KitWebTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=", "spring.flyway.enabled=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:1"})
class KitWebTest {

    static final AtomicInteger created = new AtomicInteger();

    record Note(@NotBlank @Size(max = 120) String title, @MultilineText @Size(max = 2000) String text,
            @NotNull Long version, @UniqueElements List<String> tags) {}

    @SpringBootApplication
    @RestController
    static class App {
        @PostMapping("/api/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Note create(@Valid @RequestBody Note note) {
            created.incrementAndGet();
            return note;
        }

        @GetMapping("/api/notes")
        List<String> list(@RequestParam(required = false) String topic) {
            return List.of(String.valueOf(topic));
        }

        @GetMapping("/api/private")
        String secret() {
            return "secret";
        }

        @Bean
        SecurityFilterChain chain(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
            http.authorizeHttpRequests(a -> a
                    .requestMatchers(ApiSecurity.publicInfrastructurePaths()).permitAll()
                    .requestMatchers(ApiSecurity.reads("/api/notes")).permitAll()
                    .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/notes").permitAll()
                    .anyRequest().authenticated());
            return ApiSecurity.apply(http, handlers).build();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "kit");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;

    RawHttp.Response post(String json) {
        return RawHttp.localhost(port).send(new RawHttp.Request("POST", "/api/notes").json(json));
    }

    RawHttp.Response get(String target) {
        return RawHttp.localhost(port).send(new RawHttp.Request("GET", target));
    }

    static void assertProblem(RawHttp.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).isEqualTo("application/problem+json");
        assertThat(r.bodyText()).doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void nulAndHostileCharactersAreRefusedNamingTheField() {
        for (String value : List.of("a\\u0000b", "\\u202Eevil", "\\ud800", "bell\\u0007", "zwei\\nZeilen")) {
            RawHttp.Response r = post("{\"title\": \"" + value + "\", \"version\": 0}");
            assertProblem(r, 400);
            assertThat(r.bodyText()).contains("\"field\":\"title\"");
        }
        assertThat(post("{\"title\": \"t\", \"text\": \"eins\\nzwei\", \"version\": 0}").status()).isEqualTo(201);
    }

    @Test
    void invisibleTextIsBlankAndLengthCountsCodePoints() {
        assertProblem(post("{\"title\": \"\\u200B\\u00A0\", \"version\": 0}"), 400);
        RawHttp.Response emoji = post("{\"title\": \"" + "😀".repeat(120) + "\", \"version\": 0}");
        assertThat(emoji.status()).as(emoji.toString()).isEqualTo(201);
        assertProblem(post("{\"title\": \"" + "😀".repeat(121) + "\", \"version\": 0}"), 400);
    }

    @Test
    void wrongJsonTypesAreNotCoerced() {
        for (String body : List.of("{\"title\": 123, \"version\": 0}", "{\"title\": true, \"version\": 0}",
                "{\"title\": \"t\", \"version\": \"0\"}", "{\"title\": \"t\", \"version\": 1.5}",
                "{\"title\": \"t\", \"title\": \"u\", \"version\": 0}", "{\"title\": \"t\", \"version\": 0} {}")) {
            assertProblem(post(body), 400);
        }
        assertThat(post("{\"title\": 123, \"version\": 0}").bodyText()).contains("must be a string");
    }

    @Test
    void duplicateListValuesAreRefused() {
        assertProblem(post("{\"title\": \"t\", \"version\": 0, \"tags\": [\"a\", \"a\"]}"), 400);
    }

    @Test
    void unacceptableAcceptFailsBeforeTheHandlerRuns() {
        int before = created.get();
        RawHttp.Response r = RawHttp.localhost(port).send(new RawHttp.Request("POST", "/api/notes")
                .header("Accept", "application/xml").json("{\"title\": \"t\", \"version\": 0}"));
        assertProblem(r, 406);
        assertThat(created.get()).isEqualTo(before);
    }

    @Test
    void bodiesOverTheLimitAre413AnnouncedOrChunked() {
        byte[] big = ("{\"title\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(RawHttp.localhost(port).send(new RawHttp.Request("POST", "/api/notes")
                .body("application/json", big)), 413);
        assertProblem(RawHttp.localhost(port).send(new RawHttp.Request("POST", "/api/notes")
                .body("application/json", big).chunked()), 413);
    }

    @Test
    void invalidUtf8AndControlCharactersInQueryOrPathAre400() {
        for (String target : List.of("/api/notes?topic=%FF", "/api/notes?token=%C0%AF", "/api/notes?x=%E2%82",
                "/api/notes?topic=%00", "/actuator/health?x=%FF", "/api/notes/%FF")) {
            assertProblem(get(target), 400);
        }
    }

    @Test
    void theErrorPageCalledDirectlyIs404() {
        assertProblem(get("/error"), 404);
        assertProblem(RawHttp.localhost(port).send(new RawHttp.Request("POST", "/error").json("{}")), 404);
    }

    @Test
    void errorsTomcatAnswersItselfAreProblemJson() {
        assertProblem(get("/api/notes/..%2f..%2factuator"), 400);
        RawHttp.Request many = new RawHttp.Request("GET", "/api/notes");
        for (int i = 0; i < 200; i++) {
            many.header("X-Header-" + i, "v".repeat(100));
        }
        RawHttp.Response r = RawHttp.localhost(port).send(many);
        assertThat(r.status()).isBetween(400, 431);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void unauthorizedNamesNeitherInternalAddressesNorLibraryMessages() {
        RawHttp.Response none = get("/api/private");
        assertProblem(none, 401);
        assertThat(none.header("www-authenticate")).isEqualTo("Bearer");
        RawHttp.Response bad = RawHttp.localhost(port).send(new RawHttp.Request("GET", "/api/private")
                .bearer(TestTokens.get().token("u", List.of("admin"), null, TestTokens.ISSUER, TestTokens.AUDIENCE,
                        java.time.Duration.ofSeconds(-120))));
        assertProblem(bad, 401);
        assertThat(bad.header("www-authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(bad.bodyText()).doesNotContain("Jwt").doesNotContain("expired at");
    }

    @Test
    void headBehavesLikeGet() {
        RawHttp.Response head = RawHttp.localhost(port).send(new RawHttp.Request("HEAD", "/api/notes"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(get("/api/notes").header("content-length")).isNotNull();
    }
}
