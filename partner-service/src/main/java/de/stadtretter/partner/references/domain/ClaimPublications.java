package de.stadtretter.partner.references.domain;

/**
 * Asks the town that owns a case to decide on a partner's claim. Implemented by the events layer with the outbox and
 * called inside the transaction of the claim.
 */
public interface ClaimPublications {

    void claimed(Reference claim);
}
