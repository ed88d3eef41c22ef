package de.stadtretter.partner.cases.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.partner.cases.domain.PublishedCases;
import de.stadtretter.partner.PartnerServiceTest;
import de.stadtretter.testing.CaseEvents;
import io.micrometer.core.instrument.MeterRegistry;
import de.stadtretter.testing.TestKafka;

class CaseEventsListenerTest extends PartnerServiceTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    PublishedCases publishedCases;

    @Autowired
    MeterRegistry meters;

    @Test
    void recordsPublishedCaseOnceEvenWhenTheEventIsDeliveredTwice() {
        double appliedBefore = received("applied");
        double duplicatesBefore = received("duplicate");
        UUID caseId = UUID.randomUUID();
        String event = CaseEvents.published(caseId, "Leerstandsmanagement in Husum", "leerstand");

        UUID marker = CaseEvents.deliverTwiceThenMarker(brokers, caseId, event);

        await().atMost(Duration.ofSeconds(20)).until(() -> publishedCases.find(marker).isPresent());
        assertThat(publishedCases.find(caseId).orElseThrow().title()).isEqualTo("Leerstandsmanagement in Husum");
        assertThat(received("applied") - appliedBefore).isEqualTo(2.0);
        assertThat(received("duplicate") - duplicatesBefore).isEqualTo(1.0);
    }

    private double received(String outcome) {
        return meters.counter("stadtretter.events.received", "consumer", CaseEventsListener.CONSUMER, "outcome",
                outcome).count();
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String key = UUID.randomUUID().toString();
        TestKafka.send(brokers, CaseEvents.TOPIC, key, "{not json");
        UUID next = UUID.randomUUID();
        TestKafka.send(brokers, CaseEvents.TOPIC, key, CaseEvents.published(next, "Citylogistik mit Lastenrädern"));

        var dead = TestKafka.await(brokers, CaseEvents.DLT,
                r -> "{not json".equals(r.value()) && key.equals(r.key()), Duration.ofSeconds(30));
        assertThat(dead).isNotEmpty();
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-original-consumer-group").value(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("partner-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedCases.find(next).isPresent());
    }

    @Test
    void aPublishedRevisionUpdatesTheTitleOnce() {
        UUID caseId = UUID.randomUUID();
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.published(caseId, "Wochenmarkt am Abend", "events"));
        String update = CaseEvents.updated(caseId, "Feierabendmarkt am Donnerstag", "events");
        UUID marker = CaseEvents.deliverTwiceThenMarker(brokers, caseId, update);
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedCases.find(marker).isPresent());
        assertThat(publishedCases.find(caseId).orElseThrow().title()).isEqualTo("Feierabendmarkt am Donnerstag");
    }

    @Test
    void anArchivedCaseIsForgottenAndOtherEventTypesAreSkipped() {
        UUID caseId = UUID.randomUUID();
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.published(caseId, "Wochenmarkt am Abend", "events"));
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedCases.find(caseId).isPresent());

        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.published(caseId, "Wochenmarkt am Abend", "events")
                        .replace("de.stadtretter.catalog.case.published.v1", "de.stadtretter.catalog.case.unknown.v1"));
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), CaseEvents.archived(caseId));
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedCases.find(caseId).isEmpty());
    }
}
