package de.stadtretter.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CasePublished events as catalog-service writes them, built from the producer's own example file so that a
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

    /** The producer's example with a fresh event id, the given case id, title and topics. */
    public static String published(UUID caseId, String title, String... topics) {
        ObjectNode event = (ObjectNode) EventSchemas.read(example());
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
