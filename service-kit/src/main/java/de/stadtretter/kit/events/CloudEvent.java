package de.stadtretter.kit.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope and its data travel together as the record
 * value (content type {@value #CONTENT_TYPE}). The producer owns a JSON Schema per {@code type}.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SPEC_VERSION = "1.0";

    /** A new event with a fresh id, stamped now (UTC, millisecond precision). */
    public static CloudEvent create(String source, String type, String subject, String dataschema, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), "application/json", dataschema, data);
    }
}
