package de.stadtretter.matching.needs.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.matching.needs.domain.Need;
import de.stadtretter.matching.needs.domain.NeedPublications;

/**
 * Writes the events of topic {@value #TOPIC} to the outbox, key and subject the need id. They carry what the need
 * says and its visibility, never who wrote it or their address.
 */
@Component
public class NeedEvents implements NeedPublications {

    public static final String TOPIC = "matching.need.v1";
    public static final String OPENED_TYPE = "de.stadtretter.matching.need.opened.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.matching.need.updated.v1";
    public static final String CLOSED_TYPE = "de.stadtretter.matching.need.closed.v1";

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final String source;

    public NeedEvents(Outbox outbox, CloudEvents cloudEvents, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.source = kit.serviceName();
    }

    public static String schema(String type) {
        return "https://stadtretter.de/schemas/events/" + TOPIC + "/" + type + ".schema.json";
    }

    /** The need's public projection in {@code NeedOpened} and {@code NeedUpdated} v1. */
    public record NeedProjectionV1(UUID needId, String ags, String title, String description, List<String> topics,
            String visibility, String status, Instant openedAt, Instant updatedAt) {

        static NeedProjectionV1 of(Need n) {
            return new NeedProjectionV1(n.id(), n.ags(), n.title(), n.description(), n.topics(),
                    n.visibility().name(), n.status().name(), n.createdAt(), n.updatedAt());
        }
    }

    /** {@code NeedClosed} v1. */
    public record NeedClosedV1(UUID needId, String ags, Instant closedAt) {}

    @Override
    public void opened(Need need) {
        append(OPENED_TYPE, need.id(), NeedProjectionV1.of(need));
    }

    @Override
    public void updated(Need need) {
        append(UPDATED_TYPE, need.id(), NeedProjectionV1.of(need));
    }

    @Override
    public void closed(Need need) {
        append(CLOSED_TYPE, need.id(), new NeedClosedV1(need.id(), need.ags(), need.closedAt()));
    }

    private void append(String type, UUID id, Object data) {
        outbox.append(TOPIC, id.toString(), CloudEvent.create(source, type, id.toString(), schema(type),
                cloudEvents.toTree(data)));
    }
}
