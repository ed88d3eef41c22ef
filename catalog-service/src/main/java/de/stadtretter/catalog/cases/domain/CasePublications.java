package de.stadtretter.catalog.cases.domain;

/**
 * Announces published and archived cases to other services. Implemented in the events layer by writing to the transactional
 * outbox; called inside the transaction that publishes the case, so both commit or neither does.
 */
public interface CasePublications {

    void published(Case publishedCase);

    void archived(Case archivedCase);
}
