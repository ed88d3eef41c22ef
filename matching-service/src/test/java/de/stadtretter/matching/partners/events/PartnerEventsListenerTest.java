package de.stadtretter.matching.partners.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.matching.partners.domain.PartnerProfiles;
import de.stadtretter.testing.EventContracts;
import de.stadtretter.testing.PartnerEvents;
import de.stadtretter.testing.TestKafka;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PartnerEventsListenerTest extends MatchingServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    PartnerProfiles profiles;

    private void send(UUID partnerId, String event) {
        TestKafka.send(brokers, PartnerEvents.PROFILE_TOPIC, partnerId.toString(), event);
    }

    @Test
    void aPartnersProfileAndEvidenceAreKeptAndDroppedWhenItIsRemoved() {
        UUID partner = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String published = PartnerEvents.published(partner, "Innenstadtwerk Nord GmbH", caseId, "Konzept");
        send(partner, published);
        send(partner, published);
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(partner).isPresent());
        var profile = profiles.find(partner).orElseThrow();
        // the example's profile topics and its offering's topic
        assertThat(profile.topics()).containsExactly("leerstand", "stadtgestaltung");
        assertThat(profile.regions()).containsExactly("SH", "NI");
        assertThat(profile.confirmedCases()).containsExactly(caseId);

        UUID second = UUID.randomUUID();
        ObjectNode confirmed = PartnerEvents.event(PartnerEvents.REFERENCE_CONFIRMED_TYPE, partner);
        ((ObjectNode) confirmed.get("data")).put("referenceId", UUID.randomUUID().toString())
                .put("caseId", second.toString()).put("confirmedAt", Instant.now().toString());
        send(partner, JSON.writeValueAsString(confirmed));
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(partner).orElseThrow().confirmedCases()
                .size() == 2);

        send(partner, PartnerEvents.removed(partner));
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(partner).isEmpty());
    }

    @Test
    void theRecordsFitThePartnerServicesContract() {
        EventContracts.assertConsumerRecordFits(PartnerPublished.class,
                PartnerEvents.schema(PartnerEvents.PUBLISHED_TYPE), PartnerEvents.example(PartnerEvents.PUBLISHED_TYPE),
                "partnerId", "name", "topics", "regions", "confirmedReferences");
        EventContracts.assertConsumerRecordFits(PartnerReferenceEvents.ReferenceConfirmed.class,
                PartnerEvents.schema(PartnerEvents.REFERENCE_CONFIRMED_TYPE),
                PartnerEvents.example(PartnerEvents.REFERENCE_CONFIRMED_TYPE), "referenceId", "partnerId", "caseId",
                "confirmedAt");
        EventContracts.assertConsumerRecordFits(PartnerReferenceEvents.ReferenceWithdrawn.class,
                PartnerEvents.schema(PartnerEvents.REFERENCE_WITHDRAWN_TYPE),
                PartnerEvents.example(PartnerEvents.REFERENCE_WITHDRAWN_TYPE), "referenceId", "partnerId");
        EventContracts.assertConsumerRecordFits(PartnerReferenceEvents.PartnerRemoved.class,
                PartnerEvents.schema(PartnerEvents.REMOVED_TYPE), PartnerEvents.example(PartnerEvents.REMOVED_TYPE),
                "partnerId");
    }
}
