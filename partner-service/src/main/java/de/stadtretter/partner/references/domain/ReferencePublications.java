package de.stadtretter.partner.references.domain;

import de.stadtretter.partner.profiles.domain.Partner;

/**
 * Announces evidence of public profiles to other services; implemented by the events layer with the outbox and
 * called inside the transaction of the change.
 */
public interface ReferencePublications {

    void confirmed(Reference reference, Partner partner);

    void withdrawn(Reference reference, Partner partner, java.time.Instant at);
}
