package de.stadtretter.partner.contacts.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.partner.contacts.domain.ContactPublications;
import de.stadtretter.partner.contacts.domain.ContactRequest;
import de.stadtretter.partner.profiles.domain.Partner;

/**
 * Writes {@code ContactRequested} to topic {@value #TOPIC} through the outbox. It carries ids and what the mail
 * needs (the partner's contact address, the sender's name and address, which the sender agreed to share, the
 * message) and nothing else; only notification-service reads it.
 */
@Component
public class ContactEvents implements ContactPublications {

    public static final String TOPIC = "partner.contact.v1";
    public static final String REQUESTED_TYPE = "de.stadtretter.partner.contact.requested.v1";
    public static final String REQUESTED_SCHEMA =
            "https://stadtretter.de/schemas/events/partner.contact.v1/" + REQUESTED_TYPE + ".schema.json";

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final ReferenceData referenceData;
    private final String source;

    public ContactEvents(Outbox outbox, CloudEvents cloudEvents, ReferenceData referenceData, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.referenceData = referenceData;
        this.source = kit.serviceName();
    }

    /** {@code ContactRequested} v1. */
    public record ContactRequestedV1(UUID requestId, UUID partnerId, String partnerName, String recipientName,
            String recipientEmail, String senderName, String senderEmail, String senderOrganisationName,
            String subject, String message, Instant requestedAt) {}

    @Override
    public void requested(ContactRequest r, Partner partner) {
        var contact = partner.profile().contact();
        ContactRequestedV1 data = new ContactRequestedV1(r.id(), partner.id(), partner.profile().name(),
                contact.name(), contact.email(), r.senderName(), r.senderEmail(), organisationName(r),
                r.subject(), r.message(), r.createdAt());
        outbox.append(TOPIC, partner.id().toString(), CloudEvent.create(source, REQUESTED_TYPE, r.id().toString(),
                REQUESTED_SCHEMA, cloudEvents.toTree(data)));
    }

    /** A town's name for a Kommune user (its organisation is an AGS); none for others. */
    private String organisationName(ContactRequest r) {
        return r.senderOrganisation() == null ? null : referenceData.municipality(r.senderOrganisation())
                .map(ReferenceData.Municipality::name).orElse(null);
    }
}
