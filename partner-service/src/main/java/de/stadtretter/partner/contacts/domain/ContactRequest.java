package de.stadtretter.partner.contacts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A message a member sends to a partner, with the sender's name and e-mail address (shared with the partner, with
 * the sender's consent) and organisation.
 */
public record ContactRequest(UUID id, UUID partnerId, String senderSubject, String senderName, String senderEmail,
        String senderOrganisation, String subject, String message, Instant createdAt) {

    @Override
    public String toString() {
        return "ContactRequest[id=" + id + ", partnerId=" + partnerId + "]";
    }
}
