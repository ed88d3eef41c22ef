package de.stadtretter.partner.profiles.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
 * What partner-service puts on partner.profile.v1 over a profile's life: each event once, against its own schema,
 * keyed by the partner id, never with contact data; nothing while the profile is not public.
 */
class PartnerEventsTest extends PartnerServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicRecorder topic;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new TopicRecorder(brokers, PartnerEvents.TOPIC);
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    @Test
    void aProfilesLifeIsAnnouncedOnceEventByEventWithoutContactData() throws Exception {
        UUID company = UUID.randomUUID();
        String email = "kontakt@" + company.toString().substring(0, 8) + ".example";
        createProfile(company, "Ereignisreich GmbH", "leerstand");
        UUID caseId = publishedCase("Zwischennutzung leerer Läden", FLENSBURG, "leerstand");
        String ref = claim(company, caseId, "Zwischennutzungsagentur");
        mvc.perform(as(kommune(FLENSBURG), post("/api/partners/references/{ref}/confirm", ref)))
                .andExpect(status().isOk());
        // nothing is public yet: no event
        assertThat(topic.allRecordsFor(company.toString(), Duration.ofSeconds(1))).isEmpty();

        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isOk());
        String edit = profileBody("Ereignisreich GmbH & Co. KG", email, List.of("leerstand"), List.of("SH", "HH"))
                .replace("\"size\": \"SMALL\",", "\"size\": \"SMALL\", \"version\": 2,");
        mvc.perform(as(partnerOf(company), put("/api/partners/{id}", company)).contentType(MediaType.APPLICATION_JSON)
                .content(edit)).andExpect(status().isOk());
        UUID second = publishedCase("Pop-up-Laden", FLENSBURG, "leerstand");
        String ref2 = claim(company, second, "Betrieb");
        mvc.perform(as(kommune(FLENSBURG), post("/api/partners/references/{ref}/confirm", ref2)))
                .andExpect(status().isOk());
        mvc.perform(as(partnerOf(company), delete("/api/partners/{id}/references/{ref}", company, ref2)))
                .andExpect(status().isNoContent());
        mvc.perform(as(partnerOf(company), delete("/api/partners/{id}", company))).andExpect(status().isNoContent());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(company.toString(), 5, Duration.ofSeconds(20));
        records = topic.allRecordsFor(company.toString(), Duration.ofSeconds(1));
        assertThat(records).extracting(r -> type(r.value())).containsExactly(PartnerEvents.PUBLISHED_TYPE,
                PartnerEvents.UPDATED_TYPE, PartnerEvents.REFERENCE_CONFIRMED_TYPE,
                PartnerEvents.REFERENCE_WITHDRAWN_TYPE, PartnerEvents.REMOVED_TYPE);
        for (ConsumerRecord<String, String> record : records) {
            String type = type(record.value());
            assertThat(EventSchemas.errors(schema(type), record.value())).as(type).isEmpty();
            assertThat(record.value()).doesNotContain(email).doesNotContain("Erika Mustermann")
                    .doesNotContain("+49 461 1234");
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("subject").asString()).isEqualTo(company.toString());
            assertThat(event.path("source").asString()).isEqualTo("/partner-service");
            assertThat(event.path("dataschema").asString()).isEqualTo(PartnerEvents.schema(type));
        }

        JsonNode published = JSON.readTree(records.get(0).value()).path("data");
        assertThat(published.path("partnerId").asString()).isEqualTo(company.toString());
        assertThat(published.path("confirmedReferences").get(0).path("caseId").asString())
                .isEqualTo(caseId.toString());
        assertThat(published.path("confirmedReferences").get(0).path("role").asString())
                .isEqualTo("Zwischennutzungsagentur");
        JsonNode updated = JSON.readTree(records.get(1).value()).path("data");
        assertThat(updated.path("name").asString()).isEqualTo("Ereignisreich GmbH & Co. KG");
        JsonNode confirmed = JSON.readTree(records.get(2).value()).path("data");
        assertThat(confirmed.path("caseId").asString()).isEqualTo(second.toString());
        assertThat(confirmed.path("partnerName").asString()).isEqualTo("Ereignisreich GmbH & Co. KG");
        assertThat(JSON.readTree(records.get(3).value()).path("data").path("referenceId").asString()).isEqualTo(ref2);
    }

    @Test
    void takingAVerifiedProfileDownRemovesItForTheConsumers() throws Exception {
        UUID company = verifiedPartner("Abgelehnt nach Prüfung", "marketing");
        mvc.perform(as(redaktion(), post("/api/partners/{id}/reject", company)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Die Referenzen ließen sich nicht bestätigen.\"}")).andExpect(status().isOk());
        List<ConsumerRecord<String, String>> records = topic.recordsFor(company.toString(), 2, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> type(r.value())).containsExactly(PartnerEvents.PUBLISHED_TYPE,
                PartnerEvents.REMOVED_TYPE);
        assertThat(records.get(1).value()).doesNotContain("Referenzen ließen");
    }

    @Test
    void everyExampleFitsItsSchema() {
        for (String type : List.of(PartnerEvents.PUBLISHED_TYPE, PartnerEvents.UPDATED_TYPE, PartnerEvents.REMOVED_TYPE,
                PartnerEvents.REFERENCE_CONFIRMED_TYPE, PartnerEvents.REFERENCE_WITHDRAWN_TYPE)) {
            Path example = EventSchemas.producerFile("partner-service",
                    "events/partner.profile.v1/" + type + ".example.json");
            assertThat(EventSchemas.errors(schema(type), EventSchemas.read(example).toString())).as(type).isEmpty();
            assertThat(EventSchemas.read(schema(type)).path("$id").asString()).isEqualTo(PartnerEvents.schema(type));
        }
        // a projection with contact data does not fit
        String withContact = EventSchemas.read(EventSchemas.producerFile("partner-service",
                        "events/partner.profile.v1/" + PartnerEvents.PUBLISHED_TYPE + ".example.json")).toString()
                .replace("\"demo\":false", "\"demo\":false,\"contact\":{\"email\":\"a@b.example\"}");
        assertThat(withContact).contains("\"contact\"");
        assertThat(EventSchemas.errors(schema(PartnerEvents.PUBLISHED_TYPE), withContact)).isNotEmpty();
    }

    private static Path schema(String type) {
        return EventSchemas.producerFile("partner-service", "events/partner.profile.v1/" + type + ".schema.json");
    }

    private static String type(String value) {
        return JSON.readTree(value).path("type").asString();
    }
}
