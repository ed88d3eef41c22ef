package de.stadtretter.matching.needs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.matching.needs.events.NeedEvents;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TestTokens;
import de.stadtretter.testing.TopicRecorder;
import tools.jackson.databind.json.JsonMapper;

class NeedTest extends MatchingServiceTest {

    static final String HUSUM = "01054056";
    static final String KIEL = "01002000";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicRecorder topic;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new TopicRecorder(brokers, NeedEvents.TOPIC);
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    private static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static String kommune(String ags) {
        return TestTokens.get().token("kommune-" + ags, "kommune", ags);
    }

    private static String body(String ags, String title, String visibility) {
        return """
                {"ags": "%s", "title": "%s", "topics": ["erlebnisraum", "events"], "visibility": "%s",
                 "description": "Nach 18 Uhr ist unsere Innenstadt leer.\\nWas hilft anderswo?"}"""
                .formatted(ags, title, visibility);
    }

    private String open(String ags, String title, String visibility) throws Exception {
        String response = mvc.perform(as(kommune(ags), post("/api/matching/needs"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(ags, title, visibility)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void aKommuneOpensEditsAndClosesANeedAndEachStepIsAnnouncedWithoutPersonalData() throws Exception {
        String id = open(HUSUM, "Mehr Leben am Abend", "PUBLIC");
        mvc.perform(get("/api/matching/needs/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality").value("Husum, Stadt"))
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.creatorEmail").doesNotExist());
        String edit = body(HUSUM, "Mehr Leben am Abend in der Fußgängerzone", "PUBLIC")
                .replace("\"visibility\"", "\"version\": 0, \"visibility\"");
        mvc.perform(as(kommune(KIEL), put("/api/matching/needs/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                .content(edit)).andExpect(status().isForbidden());
        mvc.perform(as(kommune(HUSUM), put("/api/matching/needs/{id}", id)).header(HttpHeaders.IF_MATCH, "\"3\"")
                .contentType(MediaType.APPLICATION_JSON).content(edit)).andExpect(status().isPreconditionFailed());
        mvc.perform(as(kommune(HUSUM), put("/api/matching/needs/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content(edit))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(as(kommune(HUSUM), post("/api/matching/needs/{id}/close", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(as(kommune(HUSUM), post("/api/matching/needs/{id}/close", id))).andExpect(status().isConflict());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(id, 3, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                .containsExactly(NeedEvents.OPENED_TYPE, NeedEvents.UPDATED_TYPE, NeedEvents.CLOSED_TYPE);
        for (ConsumerRecord<String, String> r : records) {
            String type = JSON.readTree(r.value()).path("type").asString();
            assertThat(EventSchemas.errors(schema(type), r.value())).as(type).isEmpty();
            assertThat(r.value()).doesNotContain("@test.stadtretter.example").doesNotContain("kommune-" + HUSUM);
        }
        assertThat(JSON.readTree(records.get(1).value()).path("data").path("title").asString())
                .isEqualTo("Mehr Leben am Abend in der Fußgängerzone");
    }

    @Test
    void whoSeesANeedFollowsItsVisibility() throws Exception {
        String members = open(HUSUM, "Nur für Mitglieder", "MEMBERS");
        String own = open(HUSUM, "Nur für uns", "PRIVATE");
        mvc.perform(get("/api/matching/needs/{id}", members)).andExpect(status().isNotFound());
        mvc.perform(as(kommune(KIEL), get("/api/matching/needs/{id}", members))).andExpect(status().isOk());
        mvc.perform(as(kommune(KIEL), get("/api/matching/needs/{id}", own))).andExpect(status().isNotFound());
        mvc.perform(as(kommune(HUSUM), get("/api/matching/needs/{id}", own))).andExpect(status().isOk());
        mvc.perform(as(TestTokens.get().token("redakteurin", "redaktion", "stadtretter"),
                get("/api/matching/needs/{id}", own))).andExpect(status().isOk());

        mvc.perform(get("/api/matching/needs").param("ags", HUSUM)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(members))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(own))));
        mvc.perform(as(kommune(KIEL), get("/api/matching/needs").param("ags", HUSUM)))
                .andExpect(jsonPath("$.items[*].id", hasItem(members)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(own))));
        mvc.perform(as(kommune(HUSUM), get("/api/matching/needs").param("ags", HUSUM).param("topic", "events")
                        .param("status", "OPEN")))
                .andExpect(jsonPath("$.items[*].id", hasItem(own)));
    }

    @Test
    void needsAreWrittenForOnesOwnMunicipalityWithTheFieldsNamed() throws Exception {
        mvc.perform(as(kommune(KIEL), post("/api/matching/needs")).contentType(MediaType.APPLICATION_JSON)
                .content(body(HUSUM, "Fremd", "PUBLIC"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/matching/needs").contentType(MediaType.APPLICATION_JSON)
                .content(body(HUSUM, "Anonym", "PUBLIC"))).andExpect(status().isUnauthorized());
        mvc.perform(as(kommune(HUSUM), post("/api/matching/needs")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ags\": \"99999999\", \"title\": \"\", \"description\": \"x\", \"topics\": [\"x\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("title", "topics")));
        mvc.perform(as(kommune(HUSUM), post("/api/matching/needs")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("99999999", "Unbekannt", "PUBLIC")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ags"));
        mvc.perform(get("/api/matching/needs").param("topic", "keins")).andExpect(status().isBadRequest());
    }

    @Test
    void everyExampleFitsItsSchema() {
        for (String type : List.of(NeedEvents.OPENED_TYPE, NeedEvents.UPDATED_TYPE, NeedEvents.CLOSED_TYPE)) {
            Path example = EventSchemas.producerFile("matching-service",
                    "events/matching.need.v1/" + type + ".example.json");
            assertThat(EventSchemas.errors(schema(type), EventSchemas.read(example).toString())).as(type).isEmpty();
            assertThat(EventSchemas.read(schema(type)).path("$id").asString()).isEqualTo(NeedEvents.schema(type));
        }
    }

    private static Path schema(String type) {
        return EventSchemas.producerFile("matching-service", "events/matching.need.v1/" + type + ".schema.json");
    }
}
