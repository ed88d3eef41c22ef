package de.stadtretter.kit.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link CloudEvent}s as structured-mode JSON. */
public class CloudEvents {

    private final JsonMapper jsonMapper;

    public CloudEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public String write(CloudEvent event) {
        return jsonMapper.writeValueAsString(event);
    }

    public JsonNode toTree(Object data) {
        return jsonMapper.valueToTree(data);
    }

    /** Parses a record value; anything that is not a usable CloudEvent is a {@link MalformedEventException}. */
    public CloudEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Empty record value");
        }
        CloudEvent event;
        try {
            event = jsonMapper.readValue(json, CloudEvent.class);
        } catch (JacksonException e) {
            throw new MalformedEventException("Record value is not a CloudEvent: " + e.getOriginalMessage(), e);
        }
        if (event == null || isBlank(event.id()) || isBlank(event.type()) || isBlank(event.source())
                || !CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("CloudEvent lacks specversion 1.0, id, source or type");
        }
        return event;
    }

    /** Maps the event's data to the consumer's own record. */
    public <T> T data(CloudEvent event, Class<T> type) {
        if (event.data() == null || event.data().isNull()) {
            throw new MalformedEventException("CloudEvent " + event.id() + " has no data");
        }
        try {
            return jsonMapper.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("Data of event " + event.id() + " does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
