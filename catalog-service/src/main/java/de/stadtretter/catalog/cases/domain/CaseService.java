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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.kit.web.PreconditionFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The use cases around a case: create, edit, the workflow steps, reading (revisions of published cases:
 * {@link CaseRevisionService}). Checks who may do what
 * ({@link CaseAccess}), records each change in the case history and announces publications in the same
 * transaction.
 */
@Service
public class CaseService {

    public static final String PUBLISHED_METRIC = "stadtretter.cases.published";

    private final CaseRepository cases;
    private final CasePublications publications;
    private final Clock clock;
    private final Counter publishedCounter;
    private final ApplicationEventPublisher events;
    private final CaseRevisionRepository revisions;
    private final ReviewPublications reviews;

    public CaseService(CaseRepository cases, CasePublications publications, ReviewPublications reviews, Clock clock,
            MeterRegistry meters, ApplicationEventPublisher events, CaseRevisionRepository revisions) {
        this.cases = cases;
        this.reviews = reviews;
        this.revisions = revisions;
        this.events = events;
        this.publications = publications;
        this.clock = clock;
        this.publishedCounter = Counter.builder(PUBLISHED_METRIC).description("Cases published by the Redaktion")
                .register(meters);
    }

    @Transactional
    public Case create(CurrentUser user, String ags, CaseContent content) {
        if (!CaseAccess.canCreateFor(user, ags)) {
            throw new AccessDeniedException("Not allowed to create cases for municipality " + ags);
        }
        Case created = Case.draft(UUID.randomUUID(), ags, content, user.subject(), now());
        cases.insert(created);
        cases.recordHistory(created, "created", null, user.subject(), null);
        return changed(created);
    }

    /** Replaces the content of a draft, if {@code expectedVersion} is still current. */
    @Transactional
    public Case edit(CurrentUser user, UUID id, long expectedVersion, CaseContent content) {
        return edit(user, id, expectedVersion, null, content);
    }

    /**
     * As {@link #edit(CurrentUser, UUID, long, CaseContent)}; {@code ifMatch} is the version of the request's
     * {@code If-Match} header (null without one): a different current version fails with 412.
     */
    @Transactional
    public Case edit(CurrentUser user, UUID id, long expectedVersion, Long ifMatch, CaseContent content) {
        Case current = matching(changeable(user, id), ifMatch);
        if (current.version() != expectedVersion) {
            throw new OptimisticLockingFailureException(
                    "Case " + id + " is at version " + current.version() + ", not " + expectedVersion);
        }
        Case edited = cases.updateContent(current.edit(content, now()));
        cases.recordHistory(edited, "edited", current.status(), user.subject(), null,
                current.content().changedFields(content), edited.updatedAt());
        return changed(edited);
    }

    @Transactional
    public Case submit(CurrentUser user, UUID id) {
        return submit(user, id, null);
    }

    @Transactional
    public Case submit(CurrentUser user, UUID id, Long ifMatch) {
        Case current = matching(changeable(user, id), ifMatch);
        Case submitted = cases.update(current.submit(now()));
        cases.recordHistory(submitted, "submitted", current.status(), user.subject(), null);
        return changed(submitted);
    }

    @Transactional
    public Case publish(CurrentUser user, UUID id) {
        return publish(user, id, null);
    }

    @Transactional
    public Case publish(CurrentUser user, UUID id, Long ifMatch) {
        Case current = matching(reviewable(user, id), ifMatch);
        Case published = cases.update(current.publish(now()));
        cases.recordHistory(published, "published", current.status(), user.subject(), null);
        publications.published(published);
        reviews.reviewed(ReviewPublications.CaseReview.of(published, published.createdBy(), false,
                ReviewPublications.Decision.PUBLISHED, published.updatedAt()));
        afterCommit(publishedCounter::increment);
        return changed(published);
    }

    @Transactional
    public Case requestChanges(CurrentUser user, UUID id, String comment) {
        return requestChanges(user, id, null, comment);
    }

    /** Back to the owner; {@code comment} (what to change) is shown to the owner in the case and its history. */
    @Transactional
    public Case requestChanges(CurrentUser user, UUID id, Long ifMatch, String comment) {
        Case current = matching(reviewable(user, id), ifMatch);
        Case returned = cases.update(current.requestChanges(comment, now()));
        cases.recordHistory(returned, "changes-requested", current.status(), user.subject(), comment);
        reviews.reviewed(ReviewPublications.CaseReview.of(returned, returned.createdBy(), false,
                ReviewPublications.Decision.CHANGES_REQUESTED, returned.updatedAt()));
        return changed(returned);
    }

    /**
     * Archives a published case (its owner or an editor): out of lists and search, still reachable by id; announced
     * as CaseArchived in the same transaction.
     */
    @Transactional
    public Case archive(CurrentUser user, UUID id, Long ifMatch) {
        Case current = matching(changeable(user, id), ifMatch);
        Case archived = cases.update(current.archive(now()));
        cases.recordHistory(archived, "archived", current.status(), user.subject(), null);
        revisions.find(id).ifPresent(pending -> {
            revisions.delete(id);
            cases.recordHistory(archived, "revision-discarded", CaseStatus.ARCHIVED, user.subject(),
                    "Die offene Überarbeitung wurde mit der Archivierung verworfen.");
        });
        publications.archived(archived);
        return changed(archived);
    }

    /** A logged-in member marks a case they can see as helpful (once), or takes it back; the new count. */
    @Transactional
    public long helpful(CurrentUser user, UUID id, boolean helpful) {
        Case c = get(user, id);
        long count = helpful ? cases.markHelpful(c.id(), user.subject(), now())
                : cases.unmarkHelpful(c.id(), user.subject());
        changed(c);
        return count;
    }

    @Transactional(readOnly = true)
    public boolean markedHelpful(CurrentUser user, UUID id) {
        return user != null && cases.isMarkedHelpful(id, user.subject());
    }

    /** The case if {@code user} (null if anonymous) may see it; otherwise it does not exist for them. */
    @Transactional(readOnly = true)
    public Case get(CurrentUser user, UUID id) {
        return cases.findById(id).filter(c -> CaseAccess.canView(user, c))
                .orElseThrow(() -> new NotFoundException("Case", id));
    }

    @Transactional(readOnly = true)
    public CasePage list(CurrentUser user, CaseQuery query) {
        return cases.find(query, CaseAccess.visibilityFor(user));
    }

    @Transactional(readOnly = true)
    public java.util.Map<UUID, CaseRepository.RevisionSummary> revisionSummaries(java.util.Collection<UUID> ids) {
        return cases.revisionSummaries(ids);
    }

    @Transactional(readOnly = true)
    public List<CaseRepository.HistoryEntry> history(CurrentUser user, UUID id) {
        Case c = cases.findById(id).orElseThrow(() -> new NotFoundException("Case", id));
        if (!CaseAccess.canChange(user, c)) {
            throw new NotFoundException("Case", id);
        }
        return cases.history(id);
    }

    /**
     * Loaded for a change by its owner organisation or an editor: 404 if unknown or not visible to the caller
     * (which must not learn that it exists), 403 if visible (published) but someone else's.
     */
    private Case changeable(CurrentUser user, UUID id) {
        Case c = cases.findById(id).filter(found -> CaseAccess.canView(user, found))
                .orElseThrow(() -> new NotFoundException("Case", id));
        if (!CaseAccess.canChange(user, c)) {
            throw new AccessDeniedException("Case " + id + " belongs to another organisation");
        }
        return c;
    }

    private static Case matching(Case c, Long ifMatch) {
        if (ifMatch != null && ifMatch != c.version()) {
            throw new PreconditionFailedException("Case " + c.id() + " is at version " + c.version()
                    + ", not the one in If-Match; reload it and try again.");
        }
        return c;
    }

    private Case reviewable(CurrentUser user, UUID id) {
        if (!CaseAccess.canReview(user)) {
            throw new AccessDeniedException("Only the Redaktion reviews cases");
        }
        return cases.findById(id).orElseThrow(() -> new NotFoundException("Case", id));
    }

    private Case changed(Case c) {
        events.publishEvent(new CaseChanged(c.id()));
        return c;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the returned case equal the stored one
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
