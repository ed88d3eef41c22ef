package de.stadtretter.matching.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.matching.matches.domain.MatchRecords;
import de.stadtretter.matching.matches.events.MatchEvents;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TestKafka;
import de.stadtretter.testing.TestTokens;
import de.stadtretter.testing.TopicRecorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case published after a need was opened, and fitting it, is announced once on matching.match.v1 with the score
 * and the reasons; an update of the same case is not announced again; a case that does not fit is not announced.
 */
class MatchFoundTest extends MatchingServiceTest {

    static final String HUSUM = "01054056";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicRecorder topic;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MatchRecords records;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new TopicRecorder(brokers, MatchEvents.TOPIC);
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    private static String kase(UUID id, String title, String teaser, String problem, boolean update) {
        String base = update ? CaseEvents.updated(id, title, "marketing") : CaseEvents.published(id, title, "marketing");
        ObjectNode event = (ObjectNode) JSON.readTree(base);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("teaser", teaser);
        data.put("problem", problem);
        for (String field : List.of("objectives", "approach", "implementation", "results", "resources",
                "transferability", "lessons")) {
            data.put(field, "");
        }
        data.putArray("tags");
        return JSON.writeValueAsString(event);
    }

    @Test
    void aFittingCasePublishedLaterIsAnnouncedOnceWithReasonsAndWithoutPersonalData() throws Exception {
        String created = mvc.perform(post("/api/matching/needs")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.get().token("kommune-husum",
                                "kommune", HUSUM))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"ags": "%s", "title": "Schaufenster im Advent gemeinsam schmücken",
                                 "description": "Die Geschäfte sollen in der Adventszeit einheitlich dekorieren.",
                                 "topics": ["marketing"], "visibility": "MEMBERS"}""".formatted(HUSUM)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID need = UUID.fromString(JsonPath.read(created, "$.id"));

        UUID fits = UUID.randomUUID();
        UUID unrelated = UUID.randomUUID();
        TestKafka.send(brokers, CaseEvents.TOPIC, unrelated.toString(), kase(unrelated,
                "Mobilstation am Bahnhof mit Leihrädern", "Leihräder und Ladesäulen am Bahnhof.",
                "Pendler fanden am Bahnhof keine Anschlussmobilität.", false));
        TestKafka.send(brokers, CaseEvents.TOPIC, fits.toString(), kase(fits,
                "Adventsschaufenster: alle Geschäfte schmücken gemeinsam",
                "Sechzig Geschäfte dekorieren ihre Schaufenster im Advent einheitlich nach einem gemeinsamen Motiv.",
                "Jedes Geschäft schmückte sein Schaufenster anders; die Adventszeit wirkte zerfasert.", false));

        List<ConsumerRecord<String, String>> found = topic.recordsFor(need.toString(), 1, Duration.ofSeconds(30));
        JsonNode event = JSON.readTree(found.getFirst().value());
        assertThat(EventSchemas.errors(EventSchemas.producerFile("matching-service",
                "events/matching.match.v1/" + MatchEvents.FOUND_TYPE + ".schema.json"), found.getFirst().value()))
                .isEmpty();
        JsonNode data = event.path("data");
        assertThat(data.path("itemKind").asString()).isEqualTo("CASE");
        assertThat(data.path("itemId").asString()).isEqualTo(fits.toString());
        assertThat(data.path("ags").asString()).isEqualTo(HUSUM);
        assertThat(data.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(data.path("reasons").toString()).contains("Schaufenster");
        assertThat(found.getFirst().value()).doesNotContain("@test.stadtretter.example")
                .doesNotContain("kommune-husum");

        // the case is revised: still the same match, not announced again
        TestKafka.send(brokers, CaseEvents.TOPIC, fits.toString(), kase(fits,
                "Adventsschaufenster: alle Geschäfte schmücken gemeinsam", "Jetzt mit Lichterketten.",
                "Jedes Geschäft schmückte sein Schaufenster anders.", true));
        Thread.sleep(3_000);
        assertThat(topic.allRecordsFor(need.toString(), Duration.ofSeconds(2))).hasSize(1);
        assertThat(records.count(need)).isEqualTo(1);
    }

    @Test
    void theExampleFitsTheSchema() {
        Path schema = EventSchemas.producerFile("matching-service",
                "events/matching.match.v1/" + MatchEvents.FOUND_TYPE + ".schema.json");
        Path example = EventSchemas.producerFile("matching-service",
                "events/matching.match.v1/" + MatchEvents.FOUND_TYPE + ".example.json");
        assertThat(EventSchemas.errors(schema, EventSchemas.read(example).toString())).isEmpty();
        assertThat(EventSchemas.read(schema).path("$id").asString()).isEqualTo(MatchEvents.schema(MatchEvents.FOUND_TYPE));
    }
}
