package de.stadtretter.partner.profiles.domain;

import java.time.Instant;

/**
 * Tells the company the editorial team's decision on its profile (verified or rejected). Implemented by the events
 * layer with the outbox and called inside the transaction of the decision; the comment stays in this service.
 */
public interface ReviewPublications {

    void reviewed(Partner partner, PartnerStatus decision, Instant at);
}
