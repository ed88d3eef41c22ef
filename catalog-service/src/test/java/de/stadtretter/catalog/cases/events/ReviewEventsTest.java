package de.stadtretter.catalog.cases.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TestTokens;
import de.stadtretter.testing.TopicRecorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What catalog-service puts on catalog.review.v1: every decision of the Redaktion on a submitted case or revision
 * once, for the one who wrote it, against the schema, never with the comment.
 */
class ReviewEventsTest extends CatalogIntegrationTest {

    private static final Path SCHEMA = EventSchemas.producerFile("catalog-service",
            "events/catalog.review.v1/" + ReviewEvents.REVIEWED_TYPE + ".schema.json");
    private static final Path EXAMPLE = EventSchemas.producerFile("catalog-service",
            "events/catalog.review.v1/" + ReviewEvents.REVIEWED_TYPE + ".example.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicRecorder topic;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new TopicRecorder(brokers, ReviewEvents.TOPIC);
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    private static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void everyDecisionReachesWhoWroteItOnceWithoutTheComment() throws Exception {
        String author = "autorin-" + UUID.randomUUID();
        String reviser = "kollege-" + UUID.randomUUID();
        String authorToken = TestTokens.get().token(author, "kommune", FLENSBURG);
        String reviserToken = TestTokens.get().token(reviser, "kommune", FLENSBURG);
        String id = createCase(authorToken, FLENSBURG, "leerstand");
        submit(authorToken, id);
        requestChanges("/api/catalog/cases/{id}/request-changes", id);
        submit(authorToken, id);
        publish(id);

        // a colleague of the same town revises the published case
        int version = JsonPath.read(mvc.perform(get("/api/catalog/cases/{id}", id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.version");
        mvc.perform(as(reviserToken, put("/api/catalog/cases/{id}/revision", id))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Pop-up-Stores gegen Leerstand", "teaser": "Jetzt mit Zahlen.", "ags": "01001000",
                         "topics": ["leerstand"], "version": %d}""".formatted(version)))
                .andExpect(status().isOk());
        mvc.perform(as(reviserToken, post("/api/catalog/cases/{id}/revision/submit", id))).andExpect(status().isOk());
        requestChanges("/api/catalog/cases/{id}/revision/request-changes", id);
        mvc.perform(as(reviserToken, post("/api/catalog/cases/{id}/revision/submit", id))).andExpect(status().isOk());
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/revision/publish", id))).andExpect(status().isOk());

        topic.recordsFor(id, 4, Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> records = topic.allRecordsFor(id, Duration.ofSeconds(1));
        assertThat(records).hasSize(4);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(EventSchemas.errors(SCHEMA, record.value())).isEmpty();
            assertThat(record.value()).doesNotContain("Bitte belegen").doesNotContain("@");
        }
        List<JsonNode> data = records.stream().map(r -> JSON.readTree(r.value()).path("data")).toList();
        assertThat(data).extracting(d -> d.path("decision").asString() + "/" + d.path("revision").asBoolean() + "/"
                + d.path("authorSubject").asString()).containsExactly(
                "CHANGES_REQUESTED/false/" + subject(author), "PUBLISHED/false/" + subject(author),
                "CHANGES_REQUESTED/true/" + subject(reviser), "PUBLISHED/true/" + subject(reviser));
        assertThat(data.getFirst().path("ags").asString()).isEqualTo(FLENSBURG);
        assertThat(data.getFirst().path("title").asString()).isEqualTo("Pop-up-Stores gegen Leerstand");
    }

    @Test
    void theExampleFitsTheSchema() {
        assertThat(EventSchemas.errors(SCHEMA, EventSchemas.read(EXAMPLE).toString())).isEmpty();
        assertThat(EventSchemas.read(SCHEMA).path("$id").asString()).isEqualTo(ReviewEvents.REVIEWED_SCHEMA);
    }

    private void requestChanges(String path, String id) throws Exception {
        mvc.perform(as(redaktion(), post(path, id)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Bitte belegen Sie die Zahlen.\"}")).andExpect(status().isOk());
    }
}
