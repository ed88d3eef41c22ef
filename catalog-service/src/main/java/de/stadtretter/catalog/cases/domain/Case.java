package de.stadtretter.catalog.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A practice example (Praxisbeispiel), the aggregate of this service. Immutable: every workflow step returns the
 * changed case; {@code version} is the optimistic-locking counter the repository checks and increments.
 *
 * @param ownerOrganisation the organisation whose Kommune users may edit and submit the case (the AGS of the
 *        municipality the case belongs to)
 * @param content everything written about the case
 * @param createdBy subject of the user who created it
 * @param reviewComment the Redaktion's latest request for changes, kept until the case is submitted again
 * @param helpfulCount how many members marked the case "hilfreich" (read side; never written through the case)
 */
public record Case(
        UUID id,
        String ags,
        String ownerOrganisation,
        CaseContent content,
        CaseStatus status,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant publishedAt,
        long version,
        String reviewComment,
        long helpfulCount) {

    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
    }

    /** A new draft, owned by the municipality {@code ags}. */
    public static Case draft(UUID id, String ags, CaseContent content, String createdBy, Instant now) {
        return new Case(id, ags, ags, content, CaseStatus.DRAFT, createdBy, now, now, null, null, 0, null, 0);
    }

    /** A new draft with title, teaser and topics only. */
    public static Case draft(UUID id, String title, String teaser, String ags, List<String> topics, String createdBy,
            Instant now) {
        return draft(id, ags, CaseContent.basic(title, teaser, topics), createdBy, now);
    }

    public Case edit(CaseContent newContent, Instant now) {
        if (!status.isEditable()) {
            throw new CaseStateException("Case " + id + " is " + status + " and can no longer be edited.");
        }
        return new Case(id, ags, ownerOrganisation, newContent, status, createdBy, createdAt, now, submittedAt,
                publishedAt, version, reviewComment, helpfulCount);
    }

    public Case edit(String newTitle, String newTeaser, List<String> newTopics, Instant now) {
        return edit(CaseContent.basic(newTitle, newTeaser, newTopics), now);
    }

    public String title() {
        return content.title();
    }

    public String teaser() {
        return content.teaser();
    }

    public List<String> topics() {
        return content.topics();
    }

    public Case submit(Instant now) {
        return moveTo(CaseStatus.SUBMITTED, now);
    }

    public Case publish(Instant now) {
        return moveTo(CaseStatus.PUBLISHED, now);
    }

    public Case requestChanges(Instant now) {
        return moveTo(CaseStatus.CHANGES_REQUESTED, now);
    }

    /** Back to the owner with what the Redaktion wants changed. */
    public Case requestChanges(String comment, Instant now) {
        Case returned = moveTo(CaseStatus.CHANGES_REQUESTED, now);
        return new Case(id, ags, ownerOrganisation, content, returned.status(), createdBy, createdAt, now,
                submittedAt, publishedAt, version, comment, helpfulCount);
    }

    /** Out of lists and search, still reachable by its id (with its status). */
    public Case archive(Instant now) {
        return moveTo(CaseStatus.ARCHIVED, now);
    }

    private Case moveTo(CaseStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new CaseStateException("Case " + id + " is " + status + " and cannot become " + target + ".");
        }
        return new Case(id, ags, ownerOrganisation, content, target, createdBy, createdAt, now,
                target == CaseStatus.SUBMITTED ? now : submittedAt,
                target == CaseStatus.PUBLISHED ? now : publishedAt,
                version, target == CaseStatus.SUBMITTED ? null : reviewComment, helpfulCount);
    }
}
