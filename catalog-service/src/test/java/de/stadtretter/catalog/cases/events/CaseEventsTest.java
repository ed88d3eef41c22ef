package de.stadtretter.catalog.cases.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TopicRecorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What catalog-service puts on catalog.case.v1: CasePublished, CaseUpdated and CaseArchived, each against its own
 * schema.
 */
class CaseEventsTest extends CatalogIntegrationTest {

    private static final Path SCHEMA = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.schema.json");
    private static final Path EXAMPLE = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.example.json");
    private static final Path ARCHIVED_SCHEMA = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.schema.json");
    private static final Path ARCHIVED_EXAMPLE = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.example.json");
    private static final Path UPDATED_SCHEMA = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.updated.v1.schema.json");
    private static final Path UPDATED_EXAMPLE = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.updated.v1.example.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TopicRecorder topic;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new TopicRecorder(brokers, "catalog.case.v1");
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    @Test
    void publishingSendsExactlyOneSchemaConformingCasePublishedKeyedByTheCaseId() throws Exception {
        String id = publishedCase(FLENSBURG, "leerstand", "marketing");

        List<ConsumerRecord<String, String>> records = topic.recordsFor(id, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(EventSchemas.errors(SCHEMA, record.value())).isEmpty();
        assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(header(record, "ce_type")).isEqualTo("de.stadtretter.catalog.case.published.v1");

        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("type").asString()).isEqualTo("de.stadtretter.catalog.case.published.v1");
        assertThat(event.path("source").asString()).isEqualTo("/catalog-service");
        assertThat(event.path("subject").asString()).isEqualTo(id);
        assertThat(event.path("dataschema").asString()).isEqualTo(
                EventSchemas.read(SCHEMA).path("$id").asString());
        JsonNode data = event.path("data");
        assertThat(data.path("caseId").asString()).isEqualTo(id);
        assertThat(data.path("title").asString()).isEqualTo("Pop-up-Stores gegen Leerstand");
        assertThat(data.path("ags").asString()).isEqualTo(FLENSBURG);
        assertThat(data.path("municipalityName").asString()).isEqualTo("Flensburg, Stadt");
        assertThat(data.path("stateCode").asString()).isEqualTo("SH");
        assertThat(data.path("topics").valueStream().map(JsonNode::asString).toList())
                .containsExactly("leerstand", "marketing");
        assertThat(data.path("publishedAt").isString()).isTrue();

        // a second publish is refused and sends nothing
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/publish", id))).andExpect(status().isConflict());
        assertThat(topic.allRecordsFor(id, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aMunicipalityWithinAKreisCarriesItsOwnName() throws Exception {
        String id = publishedCase(IN_A_KREIS, "citylogistik");

        List<ConsumerRecord<String, String>> records = topic.recordsFor(id, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.errors(SCHEMA, records.getFirst().value())).isEmpty();
        JsonNode data = JSON.readTree(records.getFirst().value()).path("data");
        assertThat(data.path("municipalityName").asString()).isEqualTo("Achterwehr");
        assertThat(data.path("stateCode").asString()).isEqualTo("SH");
    }

    @Test
    void theExampleConformsToTheSchema() throws Exception {
        assertThat(EventSchemas.errors(SCHEMA, Files.readString(EXAMPLE))).isEmpty();
    }

    @Test
    void theSchemaRejectsAnEventWithoutData() {
        // guards the two checks above against a schema that accepts anything
        assertThat(EventSchemas.errors(SCHEMA, """
                {"specversion": "1.0", "id": "6f1c2a5e-3b7d-4c1e-9a0f-2d8e4b6c1a90", "source": "/catalog-service",
                 "type": "de.stadtretter.catalog.case.published.v1", "subject": "x", "time": "2026-01-01T00:00:00Z",
                 "datacontenttype": "application/json"}""")).isNotEmpty();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void archivingSendsCaseArchivedAfterCasePublishedOnTheSameKey() throws Exception {
        String id = publishedCase(FLENSBURG, "leerstand");
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/archive", id))).andExpect(status().isOk());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(id, 2, Duration.ofSeconds(20));
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                .containsExactly(CaseEvents.PUBLISHED_TYPE, CaseEvents.ARCHIVED_TYPE);
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        assertThat(EventSchemas.errors(ARCHIVED_SCHEMA, records.get(1).value())).isEmpty();
        assertThat(JSON.readTree(records.get(1).value()).path("data").path("caseId").asString()).isEqualTo(id);
    }

    @Test
    void theArchivedExampleConformsToItsSchema() throws Exception {
        assertThat(EventSchemas.errors(ARCHIVED_SCHEMA, Files.readString(ARCHIVED_EXAMPLE))).isEmpty();
        assertThat(EventSchemas.errors(UPDATED_SCHEMA, Files.readString(UPDATED_EXAMPLE))).isEmpty();
    }

    @Test
    void theSchemasRefuseAContactPerson() {
        for (Path[] pair : new Path[][] {{SCHEMA, EXAMPLE}, {UPDATED_SCHEMA, UPDATED_EXAMPLE}}) {
            var event = (tools.jackson.databind.node.ObjectNode) EventSchemas.read(pair[1]);
            ((tools.jackson.databind.node.ObjectNode) event.get("data")).putObject("contact").put("name", "Erika");
            assertThat(EventSchemas.errors(pair[0], JSON.writeValueAsString(event))).isNotEmpty();
        }
    }

    @Test
    void publishedAndUpdatedCarryTheFullPublicProjectionButNoContact() throws Exception {
        String owner = kommune(FLENSBURG);
        String full = """
                {"title": "Leerstandslotsen", "teaser": "Lotsen begleiten Eigentümer.", "ags": "%s",
                 "topics": ["leerstand"], "tags": ["Lotsen"], "projectStatus": "RUNNING", "startDate": "2025-01-01",
                 "problem": "Viele leere Läden.\\n\\nZweiter Absatz.", "objectives": "Weniger Leerstand.",
                 "approach": "Lotsen.", "implementation": "Zwei Lotsen.", "resources": "80.000 Euro.",
                 "results": "Sechs Läden vermietet.", "lessons": "Eigentümer früh einbinden.",
                 "transferability": "Überall.", "budget": {"minEur": 60000, "maxEur": 80000},
                 "fundingProgrammes": ["Städtebauförderung"], "durationMonths": 24,
                 "indicators": [{"name": "Leerstandsquote", "unit": "%%", "before": 28.6, "after": 4.1}],
                 "actors": {"lead": "Wirtschaftsförderung", "stakeholders": ["IHK"]},
                 "contact": {"name": "Erika Muster", "email": "erika@example.org", "phone": "0461 123"},
                 "links": [{"title": "Projekt", "url": "https://example.org/lotsen"}]%s}""";
        String created = mvc.perform(as(owner, post("/api/catalog/cases")).contentType("application/json")
                        .content(full.formatted(FLENSBURG, "")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
        submit(owner, id);
        publish(id);

        ConsumerRecord<String, String> published = topic.recordsFor(id, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(EventSchemas.errors(SCHEMA, published.value())).isEmpty();
        JsonNode data = JSON.readTree(published.value()).path("data");
        assertThat(data.path("lessons").asString()).isEqualTo("Eigentümer früh einbinden.");
        assertThat(data.path("problem").asString()).isEqualTo("Viele leere Läden.\n\nZweiter Absatz.");
        assertThat(data.path("budget").path("maxEur").asLong()).isEqualTo(80_000);
        assertThat(data.path("indicators").get(0).path("after").asDouble()).isEqualTo(4.1);
        assertThat(data.path("municipality").path("townType").asString()).isEqualTo("21");
        assertThat(data.path("links").get(0).path("url").asString()).isEqualTo("https://example.org/lotsen");
        assertThat(data.has("contact")).isFalse();
        assertThat(published.value()).doesNotContain("Erika", "erika@example.org", "0461 123");

        // a published revision: CaseUpdated with the new projection, on the same key
        int version = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/catalog/cases/{id}", id))
                .andReturn().getResponse().getContentAsString(), "$.version");
        mvc.perform(as(owner, put("/api/catalog/cases/{id}/revision", id)).contentType("application/json")
                        .content(full.formatted(FLENSBURG, ", \"version\": " + version)
                                .replace("Sechs Läden vermietet.", "Acht Läden vermietet.")))
                .andExpect(status().isOk());
        mvc.perform(as(owner, post("/api/catalog/cases/{id}/revision/submit", id))).andExpect(status().isOk());
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/revision/publish", id)))
                .andExpect(status().isOk());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(id, 2, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                .containsExactly(CaseEvents.PUBLISHED_TYPE, CaseEvents.UPDATED_TYPE);
        ConsumerRecord<String, String> updated = records.get(1);
        assertThat(updated.partition()).isEqualTo(published.partition());
        assertThat(EventSchemas.errors(UPDATED_SCHEMA, updated.value())).isEmpty();
        JsonNode revised = JSON.readTree(updated.value()).path("data");
        assertThat(revised.path("results").asString()).isEqualTo("Acht Läden vermietet.");
        assertThat(revised.path("version").asLong()).isGreaterThan(data.path("version").asLong());
        assertThat(revised.path("publishedAt").asString()).isEqualTo(data.path("publishedAt").asString());
        assertThat(updated.value()).doesNotContain("Erika", "erika@example.org");
    }
}
