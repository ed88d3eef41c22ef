package de.stadtretter.partner.profiles.events;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import de.stadtretter.partner.PartnerServiceTest;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TopicRecorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What partner-service puts on partner.review.v1: every review decision and every claim once, against its schema,
 * keyed by the partner id, also for profiles that are not public; never the editors' comment or contact data.
 */
class ReviewEventsTest extends PartnerServiceTest {

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

    @Test
    void aClaimAndEveryReviewDecisionAreAnnouncedOnceWithoutCommentOrContact() throws Exception {
        UUID company = UUID.randomUUID();
        String email = "kontakt@" + company.toString().substring(0, 8) + ".example";
        createProfile(company, "Prüfling GmbH", "leerstand");
        UUID caseId = publishedCase("Leerstandslotsen in der Altstadt", FLENSBURG, "leerstand");
        String ref = claim(company, caseId, "Lotsendienst");
        mvc.perform(as(redaktion(), post("/api/partners/{id}/reject", company)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Bitte ergänzen Sie das Impressum.\"}")).andExpect(status().isOk());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(company.toString(), 2, Duration.ofSeconds(20));
        records = topic.allRecordsFor(company.toString(), Duration.ofSeconds(1));
        assertThat(records).extracting(r -> type(r.value())).containsExactly(ReviewEvents.REFERENCE_CLAIMED_TYPE,
                ReviewEvents.PROFILE_REVIEWED_TYPE);
        for (ConsumerRecord<String, String> record : records) {
            String type = type(record.value());
            assertThat(EventSchemas.errors(schema(type), record.value())).as(type).isEmpty();
            assertThat(record.value()).doesNotContain(email).doesNotContain("Impressum")
                    .doesNotContain("Erika Mustermann");
            assertThat(JSON.readTree(record.value()).path("dataschema").asString()).isEqualTo(ReviewEvents.schema(type));
        }
        JsonNode claimed = JSON.readTree(records.get(0).value());
        assertThat(claimed.path("subject").asString()).isEqualTo(ref);
        assertThat(claimed.path("data").path("caseAgs").asString()).isEqualTo(FLENSBURG);
        assertThat(claimed.path("data").path("caseTitle").asString()).isEqualTo("Leerstandslotsen in der Altstadt");
        assertThat(claimed.path("data").path("partnerName").asString()).isEqualTo("Prüfling GmbH");
        assertThat(claimed.path("data").path("claimedOnBehalf").asBoolean()).isFalse();
        JsonNode rejected = JSON.readTree(records.get(1).value()).path("data");
        assertThat(rejected.path("decision").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("partnerId").asString()).isEqualTo(company.toString());

    }

    @Test
    void verifyingAPendingProfileIsOneDecision() throws Exception {
        UUID company = UUID.randomUUID();
        createProfile(company, "Geprüft und gut GmbH", "marketing");
        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isOk());
        // a second verification is refused and announces nothing
        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isConflict());
        topic.recordsFor(company.toString(), 1, Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> records = topic.allRecordsFor(company.toString(), Duration.ofSeconds(1));
        assertThat(records).hasSize(1);
        JsonNode data = JSON.readTree(records.getFirst().value()).path("data");
        assertThat(data.path("decision").asString()).isEqualTo("VERIFIED");
        assertThat(data.path("partnerName").asString()).isEqualTo("Geprüft und gut GmbH");
    }

    @Test
    void everyExampleFitsItsSchema() {
        for (String type : List.of(ReviewEvents.PROFILE_REVIEWED_TYPE, ReviewEvents.REFERENCE_CLAIMED_TYPE)) {
            Path example = EventSchemas.producerFile("partner-service",
                    "events/" + ReviewEvents.TOPIC + "/" + type + ".example.json");
            assertThat(EventSchemas.errors(schema(type), EventSchemas.read(example).toString())).as(type).isEmpty();
            assertThat(EventSchemas.read(schema(type)).path("$id").asString()).isEqualTo(ReviewEvents.schema(type));
        }
    }

    private static Path schema(String type) {
        return EventSchemas.producerFile("partner-service", "events/" + ReviewEvents.TOPIC + "/" + type
                + ".schema.json");
    }

    private static String type(String value) {
        return JSON.readTree(value).path("type").asString();
    }
}
