package de.stadtretter.catalog.cases.domain;

/**
 * Announces published, revised and archived cases to other services. Implemented in the events layer by writing to
 * the transactional outbox; called inside the transaction that changes the case, so both commit or neither does.
 */
public interface CasePublications {

    void published(Case publishedCase);

    /** A revision of a published case was published: the public version changed. */
    void updated(Case updatedCase);

    void archived(Case archivedCase);
}
