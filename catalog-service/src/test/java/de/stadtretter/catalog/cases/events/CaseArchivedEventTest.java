package de.stadtretter.catalog.cases.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.testing.EventSchemas;
import tools.jackson.databind.json.JsonMapper;

class CaseArchivedEventTest extends CatalogIntegrationTest {

    private static final Path SCHEMA = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.schema.json");
    private static final Path EXAMPLE = EventSchemas.producerFile("catalog-service",
            "events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.example.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CaseTopic topic;

    @BeforeAll
    static void subscribe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        topic = new CaseTopic(brokers);
    }

    @AfterAll
    static void unsubscribe() {
        topic.close();
    }

    @Test
    void archivingSendsCaseArchivedAfterCasePublishedOnTheSameKey() throws Exception {
        String id = publishedCase(FLENSBURG, "leerstand");
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/archive", id))).andExpect(status().isOk());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(id, 2, Duration.ofSeconds(20));
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                .containsExactly(CaseEvents.PUBLISHED_TYPE, CaseEvents.ARCHIVED_TYPE);
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        assertThat(EventSchemas.errors(SCHEMA, records.get(1).value())).isEmpty();
        assertThat(JSON.readTree(records.get(1).value()).path("data").path("caseId").asString()).isEqualTo(id);
    }

    @Test
    void theExampleConformsToTheSchema() throws Exception {
        assertThat(EventSchemas.errors(SCHEMA, Files.readString(EXAMPLE))).isEmpty();
    }
}
