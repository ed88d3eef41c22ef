package de.stadtretter.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of catalog.case.v1 (CasePublished, CaseUpdated, CaseArchived) as catalog-service writes them, built from the producer's own example file so that a
 * consumer test always feeds what the producer's contract allows.
 */
public final class CaseEvents {

    public static final String TOPIC = "catalog.case.v1";
    public static final String DLT = "catalog.case.v1-dlt";
    public static final String PUBLISHED_TYPE = "de.stadtretter.catalog.case.published.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseEvents() {
    }

    public static Path schema() {
        return EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.schema.json");
    }

    public static Path example() {
        return EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.example.json");
    }

    public static final String ARCHIVED_TYPE = "de.stadtretter.catalog.case.archived.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.catalog.case.updated.v1";

    public static Path updatedSchema() {
        return EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.updated.v1.schema.json");
    }

    public static Path updatedExample() {
        return EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.updated.v1.example.json");
    }

    /** The producer's CaseUpdated example (a published revision) with a fresh event id, case id and title. */
    public static String updated(UUID caseId, String title, String... topics) {
        return fromExample(updatedExample(), caseId, title, topics);
    }

    public static Path archivedSchema() {
        return EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.schema.json");
    }

    public static Path archivedExample() {
        return EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.example.json");
    }

    /** The producer's CaseArchived example with a fresh event id, for the case {@code caseId}. */
    public static String archived(UUID caseId) {
        ObjectNode event = (ObjectNode) EventSchemas.read(archivedExample());
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", caseId.toString());
        event.put("time", Instant.now().toString());
        ((ObjectNode) event.get("data")).put("caseId", caseId.toString());
        return JSON.writeValueAsString(event);
    }

    /**
     * Delivers {@code event} twice on the key {@code caseId}, then a CasePublished event of a fresh marker case on the
     * same key, so on the same partition: once a consumer shows the marker's effect, it has handled both deliveries.
     *
     * @return the marker's case id
     */
    public static UUID deliverTwiceThenMarker(String bootstrapServers, UUID caseId, String event) {
        TestKafka.send(bootstrapServers, TOPIC, caseId.toString(), event);
        TestKafka.send(bootstrapServers, TOPIC, caseId.toString(), event);
        UUID marker = UUID.randomUUID();
        TestKafka.send(bootstrapServers, TOPIC, caseId.toString(), published(marker, "Marker"));
        return marker;
    }

    /** The producer's example with a fresh event id, the given case id, title and topics. */
    public static String published(UUID caseId, String title, String... topics) {
        return fromExample(example(), caseId, title, topics);
    }

    private static String fromExample(Path example, UUID caseId, String title, String... topics) {
        ObjectNode event = (ObjectNode) EventSchemas.read(example);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", caseId.toString());
        event.put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("caseId", caseId.toString());
        data.put("title", title);
        if (topics.length > 0) {
            var array = data.putArray("topics");
            for (String topic : topics) {
                array.add(topic);
            }
        }
        return JSON.writeValueAsString(event);
    }
}
