package de.stadtretter.catalog.partners.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.testing.EventContracts;
import de.stadtretter.testing.PartnerEvents;
import de.stadtretter.testing.TestKafka;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The confirmed partners of a case, kept from partner.profile.v1 and shown as "partners" on the case. */
class CasePartnersTest extends CatalogIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private List<Map<String, String>> partnersOf(String caseId) throws Exception {
        String body = mvc.perform(get("/api/catalog/cases/{id}", caseId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.partners");
    }

    private void send(UUID partnerId, String event) {
        TestKafka.send(brokers, PartnerEvents.PROFILE_TOPIC, partnerId.toString(), event);
    }

    @Test
    void confirmedPartnersAppearOnTheCaseAndGoWhenWithdrawnOrRemoved() throws Exception {
        String caseId = publishedCase(FLENSBURG, "leerstand");
        UUID first = UUID.randomUUID();
        String published = PartnerEvents.published(first, "Innenstadtwerk Nord GmbH", UUID.fromString(caseId),
                "Konzept und Eigentümeransprache");
        send(first, published);
        send(first, published);
        await().atMost(Duration.ofSeconds(20)).until(() -> partnersOf(caseId).size() == 1);
        assertThat(partnersOf(caseId).getFirst()).containsEntry("id", first.toString())
                .containsEntry("name", "Innenstadtwerk Nord GmbH")
                .containsEntry("role", "Konzept und Eigentümeransprache");

        UUID second = UUID.randomUUID();
        UUID reference = UUID.randomUUID();
        ObjectNode confirmed = PartnerEvents.event(PartnerEvents.REFERENCE_CONFIRMED_TYPE, second);
        ((ObjectNode) confirmed.get("data")).put("referenceId", reference.toString()).put("caseId", caseId)
                .put("partnerName", "Lastenrad-Logistik eG").put("confirmedAt", Instant.now().toString());
        send(second, JSON.writeValueAsString(confirmed));
        await().atMost(Duration.ofSeconds(20)).until(() -> partnersOf(caseId).size() == 2);
        assertThat(partnersOf(caseId)).extracting(p -> p.get("name"))
                .containsExactly("Innenstadtwerk Nord GmbH", "Lastenrad-Logistik eG");

        ObjectNode withdrawn = PartnerEvents.event(PartnerEvents.REFERENCE_WITHDRAWN_TYPE, second);
        ((ObjectNode) withdrawn.get("data")).put("referenceId", reference.toString()).put("caseId", caseId);
        send(second, JSON.writeValueAsString(withdrawn));
        send(first, PartnerEvents.removed(first));
        await().atMost(Duration.ofSeconds(20)).until(() -> partnersOf(caseId).isEmpty());
        // the case's own actors are untouched
        String body = mvc.perform(get("/api/catalog/cases/{id}", caseId)).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Object>read(body, "$.title")).isEqualTo("Pop-up-Stores gegen Leerstand");
    }

    @Test
    void theRecordsFitThePartnerServicesContract() {
        EventContracts.assertConsumerRecordFits(PartnerPublished.class,
                PartnerEvents.schema(PartnerEvents.PUBLISHED_TYPE), PartnerEvents.example(PartnerEvents.PUBLISHED_TYPE),
                "partnerId", "name", "confirmedReferences");
        EventContracts.assertConsumerRecordFits(PartnerPublished.class,
                PartnerEvents.schema(PartnerEvents.UPDATED_TYPE), PartnerEvents.example(PartnerEvents.UPDATED_TYPE),
                "partnerId", "name", "confirmedReferences");
        EventContracts.assertConsumerRecordFits(ReferenceChanged.ReferenceConfirmed.class,
                PartnerEvents.schema(PartnerEvents.REFERENCE_CONFIRMED_TYPE),
                PartnerEvents.example(PartnerEvents.REFERENCE_CONFIRMED_TYPE), "referenceId", "partnerId",
                "partnerName", "caseId", "role", "confirmedAt");
        EventContracts.assertConsumerRecordFits(ReferenceChanged.ReferenceWithdrawn.class,
                PartnerEvents.schema(PartnerEvents.REFERENCE_WITHDRAWN_TYPE),
                PartnerEvents.example(PartnerEvents.REFERENCE_WITHDRAWN_TYPE), "referenceId", "partnerId");
        EventContracts.assertConsumerRecordFits(ReferenceChanged.PartnerRemoved.class,
                PartnerEvents.schema(PartnerEvents.REMOVED_TYPE), PartnerEvents.example(PartnerEvents.REMOVED_TYPE),
                "partnerId");
    }
}
