package de.stadtretter.notification.digests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.MatchingEvents;
import de.stadtretter.testing.PartnerEvents;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The producers' example events, adapted, sent to the real broker: what digests are made of. */
final class DigestEvents {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    DigestEvents(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** A published case of the municipality {@code ags} (state code {@code land}). */
    UUID publishCase(String title, String ags, String municipality, String land, String... topics) throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode event = (ObjectNode) json.readTree(CaseEvents.published(id, title, topics));
        ((ObjectNode) event.get("data")).put("ags", ags).put("municipalityName", municipality).put("stateCode", land)
                .put("publishedAt", Instant.now().toString());
        send(CaseEvents.TOPIC, id, event);
        return id;
    }

    /** A newly verified partner working in {@code regions} (state codes or DE). */
    UUID publishPartner(String name, List<String> regions, String... topics) throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode event = PartnerEvents.event(PartnerEvents.PUBLISHED_TYPE, id);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("name", name).put("verifiedAt", Instant.now().toString());
        var topicArray = data.putArray("topics");
        List.of(topics).forEach(topicArray::add);
        var regionArray = data.putArray("regions");
        regions.forEach(regionArray::add);
        send(PartnerEvents.PROFILE_TOPIC, id, event);
        return id;
    }

    /** A need of the municipality {@code ags}, opened with {@code visibility}. */
    UUID openNeed(String title, String ags, String visibility, String... topics) throws Exception {
        return openNeed(UUID.randomUUID(), title, ags, visibility, topics);
    }

    /** As above, sent with {@code key}: needs with the same key are consumed in the order sent. */
    UUID openNeed(UUID key, String title, String ags, String visibility, String... topics) throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode event = (ObjectNode) EventSchemas.read(MatchingEvents.example(
                "de.stadtretter.matching.need.opened.v1"));
        event.put("id", UUID.randomUUID().toString()).put("subject", id.toString())
                .put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("needId", id.toString()).put("ags", ags).put("title", title).put("visibility", visibility)
                .put("status", "OPEN").put("openedAt", Instant.now().toString());
        var topicArray = data.putArray("topics");
        List.of(topics).forEach(topicArray::add);
        send(MatchingEvents.NEED_TOPIC, key, event);
        return id;
    }

    void send(String topic, UUID key, ObjectNode event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(),
                json.writeValueAsString(event));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }
}
