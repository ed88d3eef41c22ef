package de.stadtretter.catalog.cases.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.kit.web.PreconditionFailedException;

/**
 * Revisions of published cases: the owner (or the Redaktion) edits a published case into a pending revision,
 * submits it, and the Redaktion publishes it or asks for changes. The published version stays visible unchanged
 * until the revision is published; then the case takes the revised content, the step is recorded with the fields
 * that changed, and CaseUpdated is announced in the same transaction.
 */
@Service
public class CaseRevisionService {

    private final CaseRepository cases;
    private final CaseRevisionRepository revisions;
    private final CasePublications publications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewPublications reviews;

    public CaseRevisionService(CaseRepository cases, CaseRevisionRepository revisions, CasePublications publications,
            ReviewPublications reviews, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.reviews = reviews;
        this.revisions = revisions;
        this.publications = publications;
        this.events = events;
        this.clock = clock;
    }

    /** The pending revision, for the owner organisation and editors; 404 if there is none or the caller may not. */
    @Transactional(readOnly = true)
    public CaseRevision get(CurrentUser user, UUID id) {
        Case c = owned(user, id, false);
        return revisions.find(c.id()).orElseThrow(() -> new NotFoundException("Revision of case", id));
    }

    /**
     * Creates the revision of a published case or replaces its content. {@code expectedVersion} is the revision's
     * version, or, when there is no revision yet, the published case's version (the one the editor saw);
     * {@code ifMatch} the same as an {@code If-Match} header (412 when stale).
     */
    @Transactional
    public CaseRevision save(CurrentUser user, UUID id, long expectedVersion, Long ifMatch, CaseContent content) {
        Case c = owned(user, id, true);
        if (c.status() != CaseStatus.PUBLISHED) {
            throw new CaseStateException("Case " + id + " is " + c.status()
                    + "; only published cases are revised (edit a draft directly).");
        }
        Instant now = now();
        CaseRevision current = revisions.find(id).orElse(null);
        if (current == null) {
            check(ifMatch, c.version(), id);
            if (expectedVersion != c.version()) {
                throw new OptimisticLockingFailureException(
                        "Case " + id + " is at version " + c.version() + ", not " + expectedVersion);
            }
            CaseRevision started = revisions.insert(CaseRevision.start(c, content, user.subject(), now));
            record(c, "revision-created", user, null, c.content().changedFields(content), now);
            return started;
        }
        check(ifMatch, current.version(), id);
        if (expectedVersion != current.version()) {
            throw new OptimisticLockingFailureException("The revision of case " + id + " is at version "
                    + current.version() + ", not " + expectedVersion);
        }
        CaseRevision edited = revisions.update(current.edit(content, now));
        record(c, "revision-edited", user, null, current.content().changedFields(content), now);
        return edited;
    }

    @Transactional
    public CaseRevision submit(CurrentUser user, UUID id, Long ifMatch) {
        Case c = owned(user, id, true);
        CaseRevision current = pending(id, ifMatch);
        Instant now = now();
        CaseRevision submitted = revisions.update(current.submit(now));
        record(c, "revision-submitted", user, null, c.content().changedFields(current.content()), now);
        return submitted;
    }

    @Transactional
    public CaseRevision requestChanges(CurrentUser user, UUID id, Long ifMatch, String comment) {
        Case c = reviewable(user, id);
        CaseRevision current = pending(id, ifMatch);
        Instant now = now();
        CaseRevision returned = revisions.update(current.requestChanges(comment, now));
        record(c, "revision-changes-requested", user, comment, List.of(), now);
        reviews.reviewed(ReviewPublications.CaseReview.of(c, current.createdBy(), true,
                ReviewPublications.Decision.CHANGES_REQUESTED, now));
        return returned;
    }

    /** The Redaktion publishes the revision: the case takes its content; CaseUpdated is announced. */
    @Transactional
    public Case publish(CurrentUser user, UUID id, Long ifMatch) {
        Case c = reviewable(user, id);
        CaseRevision current = pending(id, ifMatch);
        current.requireSubmitted("published");
        Instant now = now();
        List<String> changed = c.content().changedFields(current.content());
        Case revised = new Case(c.id(), c.ags(), c.ownerOrganisation(), current.content(), c.status(), c.createdBy(),
                c.createdAt(), now, c.submittedAt(), c.publishedAt(), c.version(), c.reviewComment(),
                c.helpfulCount());
        Case updated = cases.updateContent(revised);
        revisions.delete(id);
        cases.recordHistory(updated, "revision-published", CaseStatus.PUBLISHED, user.subject(), null, changed, now);
        publications.updated(updated);
        reviews.reviewed(ReviewPublications.CaseReview.of(updated, current.createdBy(), true,
                ReviewPublications.Decision.PUBLISHED, now));
        events.publishEvent(new CaseChanged(id));
        return updated;
    }

    private void record(Case c, String action, CurrentUser user, String comment, List<String> changed, Instant at) {
        cases.recordHistory(c, action, c.status(), user.subject(), comment, changed, at);
    }

    private CaseRevision pending(UUID id, Long ifMatch) {
        CaseRevision r = revisions.find(id).orElseThrow(() -> new NotFoundException("Revision of case", id));
        check(ifMatch, r.version(), id);
        return r;
    }

    private static void check(Long ifMatch, long version, UUID id) {
        if (ifMatch != null && ifMatch != version) {
            throw new PreconditionFailedException("The revision of case " + id + " is at version " + version
                    + ", not the one in If-Match; reload it and try again.");
        }
    }

    /**
     * The case for its owner organisation or an editor. Someone else gets 404 for a case they cannot see and, when
     * {@code changing}, 403 for a published case of another organisation.
     */
    private Case owned(CurrentUser user, UUID id, boolean changing) {
        Case c = cases.findById(id).filter(found -> CaseAccess.canView(user, found))
                .orElseThrow(() -> new NotFoundException("Case", id));
        if (!CaseAccess.canChange(user, c)) {
            if (changing) {
                throw new AccessDeniedException("Case " + id + " belongs to another organisation");
            }
            throw new NotFoundException("Revision of case", id);
        }
        return c;
    }

    private Case reviewable(CurrentUser user, UUID id) {
        if (!CaseAccess.canReview(user)) {
            throw new AccessDeniedException("Only the Redaktion reviews revisions");
        }
        return cases.findById(id).orElseThrow(() -> new NotFoundException("Case", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
