package de.stadtretter.partner.contacts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import de.stadtretter.partner.contacts.domain.ContactService;
import de.stadtretter.partner.contacts.events.ContactEvents;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TestTokens;
import de.stadtretter.testing.TopicRecorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContactTest extends PartnerServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMA = EventSchemas.producerFile("partner-service",
            "events/partner.contact.v1/" + ContactEvents.REQUESTED_TYPE + ".schema.json");
    private static final Path EXAMPLE = EventSchemas.producerFile("partner-service",
            "events/partner.contact.v1/" + ContactEvents.REQUESTED_TYPE + ".example.json");
    private static TopicRecorder topic;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new TopicRecorder(brokers, ContactEvents.TOPIC);
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    private static String message(String subject, boolean consent) {
        return """
                {"subject": "%s", "message": "Guten Tag,\\nwir planen ein Leerstandskataster.\\nViele Grüße",
                 "consent": %s}""".formatted(subject, consent);
    }

    @Test
    void aMembersMessageIsStoredAndHandedToTheMailOnceWithWhatTheMailNeeds() throws Exception {
        UUID company = verifiedPartner("Antwortet gern GmbH", "leerstand");
        String sender = TestTokens.get().token("citymanagerin-" + company, "kommune", FLENSBURG);
        mvc.perform(as(sender, post("/api/partners/{id}/contact", company)).contentType(MediaType.APPLICATION_JSON)
                        .content(message("Anfrage Leerstandskataster", true)))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.partnerId").value(company.toString()));

        List<ConsumerRecord<String, String>> records = topic.recordsFor(company.toString(), 1, Duration.ofSeconds(20));
        records = topic.allRecordsFor(company.toString(), Duration.ofSeconds(1));
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.errors(SCHEMA, records.getFirst().value())).isEmpty();
        JsonNode data = JSON.readTree(records.getFirst().value()).path("data");
        assertThat(data.path("recipientEmail").asString())
                .isEqualTo("kontakt@" + company.toString().substring(0, 8) + ".example");
        assertThat(data.path("senderEmail").asString())
                .isEqualTo("citymanagerin-" + company + "@test.stadtretter.example");
        assertThat(data.path("senderOrganisationName").asString()).isEqualTo("Flensburg, Stadt");
        assertThat(data.path("message").asString()).contains("\nwir planen ein Leerstandskataster.");
    }

    @Test
    void consentIsRequiredAndOnlyMembersWriteToVerifiedPartners() throws Exception {
        UUID company = verifiedPartner("Einwilligung GmbH", "marketing");
        mvc.perform(as(kommune(KIEL), post("/api/partners/{id}/contact", company))
                        .contentType(MediaType.APPLICATION_JSON).content(message("Frage", false)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("consent"));
        mvc.perform(post("/api/partners/{id}/contact", company).contentType(MediaType.APPLICATION_JSON)
                .content(message("Frage", true))).andExpect(status().isUnauthorized());
        UUID pending = UUID.randomUUID();
        createProfile(pending, "Noch nicht geprüft GmbH", "marketing");
        mvc.perform(as(kommune(KIEL), post("/api/partners/{id}/contact", pending))
                .contentType(MediaType.APPLICATION_JSON).content(message("Frage", true)))
                .andExpect(status().isNotFound());
    }

    @Test
    void fivePerSenderAndFiftyPerPartnerWithinADayThen429WithRetryAfter() throws Exception {
        String sender = TestTokens.get().token("vielschreiber-" + UUID.randomUUID(), "kommune", KIEL);
        for (int i = 0; i < ContactService.PER_SENDER; i++) {
            UUID company = verifiedPartner("Partner " + i + " für Vielschreiber", "events");
            mvc.perform(as(sender, post("/api/partners/{id}/contact", company))
                    .contentType(MediaType.APPLICATION_JSON).content(message("Frage " + i, true)))
                    .andExpect(status().isAccepted());
        }
        UUID another = verifiedPartner("Noch ein Partner", "events");
        String retryAfter = mvc.perform(as(sender, post("/api/partners/{id}/contact", another))
                        .contentType(MediaType.APPLICATION_JSON).content(message("Frage 6", true)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(86_000L, 86_400L);

        UUID popular = verifiedPartner("Sehr gefragt GmbH", "events");
        for (int i = 0; i < ContactService.PER_PARTNER; i++) {
            String someone = TestTokens.get().token("fragende-" + i + "-" + popular, "kommune", KIEL);
            mvc.perform(as(someone, post("/api/partners/{id}/contact", popular))
                    .contentType(MediaType.APPLICATION_JSON).content(message("Frage " + i, true)))
                    .andExpect(status().isAccepted());
        }
        mvc.perform(as(kommune(FLENSBURG), post("/api/partners/{id}/contact", popular))
                        .contentType(MediaType.APPLICATION_JSON).content(message("Frage 51", true)))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void theExampleFitsTheSchema() {
        assertThat(EventSchemas.errors(SCHEMA, EventSchemas.read(EXAMPLE).toString())).isEmpty();
    }
}
