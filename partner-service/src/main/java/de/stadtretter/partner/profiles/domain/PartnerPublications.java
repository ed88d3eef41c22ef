package de.stadtretter.partner.profiles.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Announces changes of public profiles to other services. Implemented in the events layer by writing to the
 * transactional outbox; called inside the transaction of the change, so both commit or neither does.
 */
public interface PartnerPublications {

    /** The profile became public (verified). */
    void published(Partner partner);

    /** A public profile changed (profile or offerings). */
    void updated(Partner partner);

    /** The profile is no longer public: deleted, or taken down by the Redaktion. Consumers drop what they kept. */
    void removed(UUID partnerId, Instant at);
}
