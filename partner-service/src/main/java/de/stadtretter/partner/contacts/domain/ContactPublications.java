package de.stadtretter.partner.contacts.domain;

import de.stadtretter.partner.profiles.domain.Partner;

/** Hands a contact request to the mail (notification-service), in the transaction that stores it. */
public interface ContactPublications {

    void requested(ContactRequest request, Partner partner);
}
