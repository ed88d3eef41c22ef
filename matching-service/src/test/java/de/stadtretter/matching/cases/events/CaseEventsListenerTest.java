package de.stadtretter.matching.cases.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.matching.cases.domain.CaseProfiles;
import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.testing.CaseEvents;
import io.micrometer.core.instrument.MeterRegistry;
import de.stadtretter.testing.TestKafka;

class CaseEventsListenerTest extends MatchingServiceTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    CaseProfiles profiles;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesTheCaseProfileOnceWhenTheSameEventArrivesTwice() {
        double appliedBefore = received("applied");
        double duplicatesBefore = received("duplicate");
        UUID caseId = UUID.randomUUID();
        String event = CaseEvents.published(caseId, "Verfügungsfonds Innenstadt", "foerderung", "leerstand");

        UUID marker = CaseEvents.deliverTwiceThenMarker(brokers, caseId, event);

        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(marker).isPresent());
        assertThat(profiles.find(caseId).orElseThrow().topics()).containsExactly("foerderung", "leerstand");
        assertThat(received("applied") - appliedBefore).isEqualTo(2.0);
        assertThat(received("duplicate") - duplicatesBefore).isEqualTo(1.0);
    }

    private double received(String outcome) {
        return meters.counter("stadtretter.events.received", "consumer", CaseEventsListener.CONSUMER, "outcome",
                outcome).count();
    }

    @Test
    void unusableEventsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        UUID caseId = UUID.randomUUID();
        String withoutData = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/catalog-service\",\"type\":\"" + CaseEvents.PUBLISHED_TYPE + "\"}";
        String withoutTopics = CaseEvents.published(caseId, "Ohne Themen").replaceFirst(
                "\"topics\":\\[[^\\]]*\\]", "\"topics\":[]");
        assertThat(withoutTopics).contains("\"topics\":[]");
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), withoutData);
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), withoutTopics);
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), CaseEvents.published(caseId, "Stadtgutschein"));

        assertThat(TestKafka.await(brokers, CaseEvents.DLT, r -> withoutData.equals(r.value()),
                Duration.ofSeconds(30))).isNotEmpty();
        assertThat(TestKafka.await(brokers, CaseEvents.DLT, r -> withoutTopics.equals(r.value()),
                Duration.ofSeconds(30))).isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(caseId).isPresent());
        assertThat(profiles.find(caseId).orElseThrow().topics()).isNotEmpty();
    }

    @Test
    void aPublishedRevisionReplacesTheTopicsOnce() {
        UUID caseId = UUID.randomUUID();
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.published(caseId, "Wochenmarkt am Abend", "events"));
        String update = CaseEvents.updated(caseId, "Wochenmarkt am Abend", "events", "erlebnisraum");
        UUID marker = CaseEvents.deliverTwiceThenMarker(brokers, caseId, update);
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(marker).isPresent());
        assertThat(profiles.find(caseId).orElseThrow().topics()).containsExactly("events", "erlebnisraum");
    }

    @Test
    void anArchivedCaseIsForgottenAndOtherEventTypesAreSkipped() {
        UUID caseId = UUID.randomUUID();
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.published(caseId, "Wochenmarkt am Abend", "events"));
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(caseId).isPresent());

        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.published(caseId, "Wochenmarkt am Abend", "events")
                        .replace("de.stadtretter.catalog.case.published.v1", "de.stadtretter.catalog.case.unknown.v1"));
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), CaseEvents.archived(caseId));
        await().atMost(Duration.ofSeconds(20)).until(() -> profiles.find(caseId).isEmpty());
    }
}
