package de.stadtretter.catalog.cases.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The pending revision of a published case: the owner's changed content, waiting for the Redaktion. The published
 * case stays as it is until the revision is published.
 *
 * @param basedOn the version of the published case the revision started from
 * @param version the revision's own optimistic-locking counter
 */
public record CaseRevision(
        UUID caseId,
        CaseContent content,
        Status status,
        long basedOn,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        String reviewComment,
        long version) {

    /** Where a revision stands; once published it is gone (its content is the case's). */
    public enum Status { DRAFT, SUBMITTED, CHANGES_REQUESTED }

    public CaseRevision {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
    }

    public static CaseRevision start(Case published, CaseContent content, String by, Instant now) {
        return new CaseRevision(published.id(), content, Status.DRAFT, published.version(), by, now, now, null, null,
                0);
    }

    public CaseRevision edit(CaseContent newContent, Instant now) {
        if (status == Status.SUBMITTED) {
            throw new CaseStateException("The revision of case " + caseId
                    + " is waiting for the Redaktion and can no longer be edited.");
        }
        return new CaseRevision(caseId, newContent, status, basedOn, createdBy, createdAt, now, submittedAt,
                reviewComment, version);
    }

    public CaseRevision submit(Instant now) {
        if (status == Status.SUBMITTED) {
            throw new CaseStateException("The revision of case " + caseId + " is already submitted.");
        }
        return new CaseRevision(caseId, content, Status.SUBMITTED, basedOn, createdBy, createdAt, now, now, null,
                version);
    }

    public CaseRevision requestChanges(String comment, Instant now) {
        requireSubmitted("returned");
        return new CaseRevision(caseId, content, Status.CHANGES_REQUESTED, basedOn, createdBy, createdAt, now,
                submittedAt, comment, version);
    }

    public void requireSubmitted(String step) {
        if (status != Status.SUBMITTED) {
            throw new CaseStateException("The revision of case " + caseId + " is " + status + " and cannot be "
                    + step + "; it must be submitted first.");
        }
    }
}
