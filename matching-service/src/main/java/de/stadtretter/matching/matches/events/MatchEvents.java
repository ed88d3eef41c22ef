package de.stadtretter.matching.matches.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.matching.matches.domain.FoundMatch;
import de.stadtretter.matching.matches.domain.MatchPublications;

/**
 * Writes {@code MatchFound} to topic {@value #TOPIC}, key and subject the need id (a need's matches stay in order).
 * It says which need and which case or partner, with the score and the reasons; never who wrote the need.
 */
@Component
public class MatchEvents implements MatchPublications {

    public static final String TOPIC = "matching.match.v1";
    public static final String FOUND_TYPE = "de.stadtretter.matching.match.found.v1";

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final String source;

    public MatchEvents(Outbox outbox, CloudEvents cloudEvents, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.source = kit.serviceName();
    }

    public static String schema(String type) {
        return "https://stadtretter.de/schemas/events/" + TOPIC + "/" + type + ".schema.json";
    }

    /** {@code MatchFound} v1. */
    public record MatchFoundV1(UUID needId, String ags, String needTitle, String itemKind, UUID itemId,
            String itemTitle, double score, List<String> reasons, Instant foundAt) {}

    @Override
    public void found(FoundMatch m) {
        String key = m.needId().toString();
        outbox.append(TOPIC, key, CloudEvent.create(source, FOUND_TYPE, key, schema(FOUND_TYPE),
                cloudEvents.toTree(new MatchFoundV1(m.needId(), m.ags(), m.needTitle(), m.itemKind().name(),
                        m.itemId(), m.itemTitle(), m.score(), m.reasons(), m.foundAt()))));
    }
}
