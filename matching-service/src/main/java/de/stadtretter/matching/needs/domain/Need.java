package de.stadtretter.matching.needs.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A town's need: title, description and topics in its own words, who may see it, open or closed. No address of
 * whoever wrote it: the members who want match mails tell notification-service (which mails them).
 */
public record Need(UUID id, String ags, String title, String description, List<String> topics, Visibility visibility,
        Status status, String createdBy, long version, Instant createdAt, Instant updatedAt,
        Instant closedAt) {

    public Need {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Who sees a need: everybody, logged-in members, or only its own Kommune and the Redaktion. */
    public enum Visibility {
        PUBLIC, MEMBERS, PRIVATE
    }

    public enum Status {
        OPEN, CLOSED
    }

    @Override
    public String toString() {
        return "Need[id=" + id + ", ags=" + ags + ", status=" + status + "]";
    }
}
