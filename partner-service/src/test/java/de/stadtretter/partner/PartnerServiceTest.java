package de.stadtretter.partner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.partner.cases.domain.PublishedCases;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.TestPostgres;
import de.stadtretter.testing.TestTokens;

/**
 * The one Spring context all of partner-service's integration tests share: real PostgreSQL, Kafka and HTTP port
 * (MockMvc for most tests, raw HTTP for the bad-input guard). Tests do not clean the database; each creates its own
 * partners, with ids of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "stadtretter.kit.consumer.initial-backoff=50ms", "stadtretter.kit.outbox.poll-interval=200ms",
    "stadtretter.partner.demo-data=true",
    "logging.structured.format.console="})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {CaseEvents.TOPIC, CaseEvents.DLT, "partner.profile.v1",
    "partner.profile.v1-dlt", "partner.contact.v1", "partner.contact.v1-dlt",
    "partner.review.v1", "partner.review.v1-dlt"})
public abstract class PartnerServiceTest {

    protected static final String FLENSBURG = "01001000";
    protected static final String KIEL = "01002000";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected PublishedCases publishedCases;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "partner");
        TestTokens.register(registry);
    }

    public int port() {
        return port;
    }

    /** A partner user of its own, new company (its organisation is a fresh partner id). */
    protected static String partnerOf(UUID company) {
        return TestTokens.get().token("partner-" + company.toString().substring(0, 8), "partner", company.toString());
    }

    protected static String kommune(String ags) {
        return TestTokens.get().token("kommune-" + ags, "kommune", ags);
    }

    protected static String redaktion() {
        return TestTokens.get().token("redakteurin", "redaktion", "stadtretter");
    }

    protected static String admin() {
        return TestTokens.get().token("admin", "admin", "stadtretter");
    }

    protected static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    protected static String profileBody(String name, String email, List<String> topics, List<String> regions) {
        return """
                {"name": "%s", "legalForm": "GmbH",
                 "description": "Wir begleiten Kommunen bei der Belebung ihrer Innenstädte.",
                 "website": "https://www.example.org", "topics": %s, "regions": %s, "size": "SMALL",
                 "contact": {"name": "Erika Mustermann", "email": "%s", "phone": "+49 461 1234"}}"""
                .formatted(name, json(topics), json(regions), email);
    }

    protected static String json(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }

    /** Creates the profile of {@code company} as its partner user and returns the response body. */
    protected String createProfile(UUID company, String name, String... topics) throws Exception {
        return mvc.perform(as(partnerOf(company), post("/api/partners")).contentType(MediaType.APPLICATION_JSON)
                        .content(profileBody(name, "kontakt@" + company.toString().substring(0, 8) + ".example",
                                List.of(topics), List.of("SH"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    /** A verified profile of a new company; returns the company id. */
    protected UUID verifiedPartner(String name, String... topics) throws Exception {
        UUID company = UUID.randomUUID();
        createProfile(company, name, topics);
        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isOk());
        return company;
    }

    /** A case partner-service knows as published (as learnt from catalog.case.v1). */
    protected UUID publishedCase(String title, String ags, String... topics) {
        UUID caseId = UUID.randomUUID();
        publishedCases.record(caseId, title, ags, List.of(topics), Instant.now());
        return caseId;
    }

    /** Claims {@code caseId} for {@code company} as its partner user; returns the reference id. */
    protected String claim(UUID company, UUID caseId, String role) throws Exception {
        String body = mvc.perform(as(partnerOf(company), post("/api/partners/{id}/references", company))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\": \"%s\", \"role\": \"%s\"}".formatted(caseId, role)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
