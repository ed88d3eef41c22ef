package de.stadtretter.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * partner-service's events for consumer tests, built from the producer's own examples (schemas and examples in
 * partner-service, {@code events/partner.profile.v1/} and {@code events/partner.contact.v1/}).
 */
public final class PartnerEvents {

    public static final String PROFILE_TOPIC = "partner.profile.v1";
    public static final String PROFILE_DLT = "partner.profile.v1-dlt";
    public static final String CONTACT_TOPIC = "partner.contact.v1";
    public static final String CONTACT_DLT = "partner.contact.v1-dlt";

    public static final String PUBLISHED_TYPE = "de.stadtretter.partner.profile.published.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.partner.profile.updated.v1";
    public static final String REMOVED_TYPE = "de.stadtretter.partner.profile.removed.v1";
    public static final String REFERENCE_CONFIRMED_TYPE = "de.stadtretter.partner.reference.confirmed.v1";
    public static final String REFERENCE_WITHDRAWN_TYPE = "de.stadtretter.partner.reference.withdrawn.v1";
    public static final String CONTACT_REQUESTED_TYPE = "de.stadtretter.partner.contact.requested.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PartnerEvents() {
    }

    public static Path schema(String type) {
        return EventSchemas.producerFile("partner-service", dir(type) + type + ".schema.json");
    }

    public static Path example(String type) {
        return EventSchemas.producerFile("partner-service", dir(type) + type + ".example.json");
    }

    private static String dir(String type) {
        return "events/" + (type.equals(CONTACT_REQUESTED_TYPE) ? CONTACT_TOPIC : PROFILE_TOPIC) + "/";
    }

    /** The producer's example of {@code type} with a fresh event id, for partner {@code partnerId}. */
    public static ObjectNode event(String type, UUID partnerId) {
        ObjectNode event = (ObjectNode) EventSchemas.read(example(type));
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        event.put("subject", partnerId.toString());
        ((ObjectNode) event.get("data")).put("partnerId", partnerId.toString());
        return event;
    }

    /** PartnerRemoved of {@code partnerId}, removed now. */
    public static String removed(UUID partnerId) {
        ObjectNode event = event(REMOVED_TYPE, partnerId);
        ((ObjectNode) event.get("data")).put("removedAt", Instant.now().toString());
        return JSON.writeValueAsString(event);
    }

    /** PartnerPublished of {@code partnerId} named {@code name}, with one confirmed reference on {@code caseId}. */
    public static String published(UUID partnerId, String name, UUID caseId, String role) {
        ObjectNode event = event(PUBLISHED_TYPE, partnerId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("name", name);
        ObjectNode reference = (ObjectNode) data.withArray("confirmedReferences").get(0);
        reference.put("referenceId", UUID.randomUUID().toString());
        reference.put("caseId", caseId.toString());
        reference.put("role", role);
        return JSON.writeValueAsString(event);
    }

    /** ContactRequested to partner {@code partnerId}: the mail to {@code recipient}, answered to {@code replyTo}. */
    public static String contactRequested(UUID requestId, UUID partnerId, String recipient, String replyTo,
            String message) {
        return contactRequested(requestId, partnerId, recipient, replyTo, message, Instant.now());
    }

    /** As above, requested at {@code requestedAt}. */
    public static String contactRequested(UUID requestId, UUID partnerId, String recipient, String replyTo,
            String message, Instant requestedAt) {
        ObjectNode event = event(CONTACT_REQUESTED_TYPE, partnerId);
        event.put("subject", requestId.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("requestId", requestId.toString());
        data.put("recipientEmail", recipient);
        data.put("senderEmail", replyTo);
        data.put("message", message);
        data.put("requestedAt", requestedAt.toString());
        return JSON.writeValueAsString(event);
    }
}
