package de.stadtretter.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of matching-service (matching.match.v1: MatchFound; matching.need.v1: NeedClosed), built from the
 * producer's own example files so that a consumer test feeds what the producer's contract allows.
 */
public final class MatchingEvents {

    public static final String MATCH_TOPIC = "matching.match.v1";
    public static final String MATCH_DLT = "matching.match.v1-dlt";
    public static final String NEED_TOPIC = "matching.need.v1";
    public static final String NEED_DLT = "matching.need.v1-dlt";
    public static final String MATCH_FOUND_TYPE = "de.stadtretter.matching.match.found.v1";
    public static final String NEED_CLOSED_TYPE = "de.stadtretter.matching.need.closed.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MatchingEvents() {
    }

    public static Path schema(String type) {
        return EventSchemas.producerFile("matching-service", dir(type) + type + ".schema.json");
    }

    public static Path example(String type) {
        return EventSchemas.producerFile("matching-service", dir(type) + type + ".example.json");
    }

    private static String dir(String type) {
        return "events/" + (type.equals(MATCH_FOUND_TYPE) ? MATCH_TOPIC : NEED_TOPIC) + "/";
    }

    /** The producer's MatchFound example with a fresh event id, for the given need (of {@code ags}) and item. */
    public static String matchFound(UUID needId, String ags, String itemKind, UUID itemId, String itemTitle) {
        ObjectNode event = (ObjectNode) EventSchemas.read(example(MATCH_FOUND_TYPE));
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", needId.toString());
        event.put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("needId", needId.toString());
        data.put("ags", ags);
        data.put("itemKind", itemKind);
        data.put("itemId", itemId.toString());
        data.put("itemTitle", itemTitle);
        return JSON.writeValueAsString(event);
    }

    /** The producer's NeedClosed example with a fresh event id, for the given need. */
    public static String needClosed(UUID needId, String ags) {
        ObjectNode event = (ObjectNode) EventSchemas.read(example(NEED_CLOSED_TYPE));
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", needId.toString());
        event.put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("needId", needId.toString());
        data.put("ags", ags);
        data.put("closedAt", Instant.now().toString());
        return JSON.writeValueAsString(event);
    }
}
