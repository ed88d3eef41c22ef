package de.stadtretter.catalog.cases.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells the author the editorial team's decision on what they submitted (a case or a revision of a published one).
 * Implemented by the events layer with the outbox and called inside the transaction of the decision; the editors'
 * comment stays in this service (the author reads it in the portal).
 */
public interface ReviewPublications {

    enum Decision { CHANGES_REQUESTED, PUBLISHED }

    /**
     * @param author the Keycloak subject of who wrote what was reviewed
     * @param revision a revision of a published case was reviewed, not its first version
     */
    record CaseReview(UUID caseId, String title, String ags, String author, boolean revision, Decision decision,
            Instant decidedAt) {

        public static CaseReview of(Case c, String author, boolean revision, Decision decision, Instant at) {
            return new CaseReview(c.id(), c.content().title(), c.ags(), author, revision, decision, at);
        }
    }

    void reviewed(CaseReview review);
}
