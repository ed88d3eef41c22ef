package de.stadtretter.catalog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.testing.TestPostgres;
import de.stadtretter.testing.TestTokens;

/**
 * The one Spring context of the catalog tests: the whole application on a real HTTP port (MockMvc for most tests,
 * raw HTTP for the bad-input guard) against an embedded PostgreSQL, an embedded Kafka broker (KRaft) and a test
 * JWKS issuer. Every test class extends this class, so the context is cached and
 * started once. Tests do not clean the database; each creates its own cases. The demo catalogue is published at start,
 * so searches run over a realistic catalogue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "logging.structured.format.console=",
    "stadtretter.kit.outbox.poll-interval=200ms",
    "stadtretter.catalog.demo-data=true"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {"catalog.case.v1", "catalog.case.v1-dlt", "partner.profile.v1",
    "partner.profile.v1-dlt", "catalog.review.v1", "catalog.review.v1-dlt"})
public abstract class CatalogIntegrationTest {

    protected static final String FLENSBURG = "01001000";
    protected static final String KIEL = "01002000";
    /** A municipality in Kreis Rendsburg-Eckernförde: its own name is not in the district list. */
    protected static final String IN_A_KREIS = "01058001";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "catalog");
        TestTokens.register(registry);
    }

    @Autowired
    protected MockMvc mvc;

    protected static String kommune(String ags) {
        return TestTokens.get().token("kommune-" + ags, "kommune", ags);
    }

    protected static String redaktion() {
        return TestTokens.get().token("redakteurin", "redaktion", "stadtretter");
    }

    protected static String admin() {
        return TestTokens.get().token("admin", "admin", "stadtretter");
    }

    protected static String partner() {
        return TestTokens.get().token("partner", "partner", "partner-4711");
    }

    protected static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    protected static String createBody(String title, String ags, List<String> topics) {
        return """
                {"title": "%s", "teaser": "Ein Praxisbeispiel für lebendige Innenstädte.", "ags": "%s",
                 "topics": [%s]}""".formatted(title, ags,
                String.join(", ", topics.stream().map(t -> "\"" + t + "\"").toList()));
    }

    /** Creates a draft as {@code token} and returns its id. */
    protected String createCase(String token, String ags, String... topics) throws Exception {
        String body = mvc.perform(as(token, post("/api/catalog/cases")).contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("Pop-up-Stores gegen Leerstand", ags, List.of(topics))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    protected void submit(String token, String id) throws Exception {
        mvc.perform(as(token, post("/api/catalog/cases/{id}/submit", id))).andExpect(status().isOk());
    }

    protected void publish(String id) throws Exception {
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/publish", id))).andExpect(status().isOk());
    }

    /** A case of {@code ags} that went through the whole workflow. */
    protected String publishedCase(String ags, String... topics) throws Exception {
        String id = createCase(kommune(ags), ags, topics);
        submit(kommune(ags), id);
        publish(id);
        return id;
    }
}
