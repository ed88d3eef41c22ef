package de.stadtretter.partner.profiles.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerPublications;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.domain.ReferencePublications;
import de.stadtretter.partner.references.domain.ReferenceRepository;

/**
 * Writes the events of topic {@value #TOPIC} to the outbox, inside the caller's transaction. Key and subject are
 * always the partner id, so one partner's events stay in order. No event carries contact data.
 */
@Component
public class PartnerEvents implements PartnerPublications, ReferencePublications {

    public static final String TOPIC = "partner.profile.v1";
    public static final String PUBLISHED_TYPE = "de.stadtretter.partner.profile.published.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.partner.profile.updated.v1";
    public static final String REMOVED_TYPE = "de.stadtretter.partner.profile.removed.v1";
    public static final String REFERENCE_CONFIRMED_TYPE = "de.stadtretter.partner.reference.confirmed.v1";
    public static final String REFERENCE_WITHDRAWN_TYPE = "de.stadtretter.partner.reference.withdrawn.v1";

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final ReferenceRepository references;
    private final String source;

    public PartnerEvents(Outbox outbox, CloudEvents cloudEvents, ReferenceRepository references, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.references = references;
        this.source = kit.serviceName();
    }

    /** The schema of an event type: {@code events/partner.profile.v1/<type>.schema.json} in partner-service. */
    public static String schema(String type) {
        return "https://stadtretter.de/schemas/events/" + TOPIC + "/" + type + ".schema.json";
    }

    @Override
    public void published(Partner partner) {
        append(PUBLISHED_TYPE, partner.id(), projection(partner));
    }

    @Override
    public void updated(Partner partner) {
        append(UPDATED_TYPE, partner.id(), projection(partner));
    }

    @Override
    public void removed(UUID partnerId, Instant at) {
        append(REMOVED_TYPE, partnerId, new PartnerRemovedV1(partnerId, at));
    }

    @Override
    public void confirmed(Reference r, Partner partner) {
        append(REFERENCE_CONFIRMED_TYPE, partner.id(), new ReferenceConfirmedV1(r.id(), partner.id(),
                partner.profile().name(), r.caseId(), r.role(), r.decidedAt(), r.decidedOnBehalf()));
    }

    @Override
    public void withdrawn(Reference r, Partner partner, Instant at) {
        append(REFERENCE_WITHDRAWN_TYPE, partner.id(), new ReferenceWithdrawnV1(r.id(), partner.id(), r.caseId(), at));
    }

    /** Every confirmed reference, also on cases this service has not learnt of yet: the consumer knows them. */
    private PartnerProjectionV1 projection(Partner partner) {
        return PartnerProjectionV1.of(partner,
                references.confirmedOf(List.of(partner.id()), false).getOrDefault(partner.id(), List.of()));
    }

    private void append(String type, UUID partnerId, Object data) {
        CloudEvent event = CloudEvent.create(source, type, partnerId.toString(), schema(type),
                cloudEvents.toTree(data));
        outbox.append(TOPIC, partnerId.toString(), event);
    }

    /** {@code PartnerRemoved} v1: the profile is no longer public (deleted or taken down). */
    public record PartnerRemovedV1(UUID partnerId, Instant removedAt) {}

    /** {@code ReferenceConfirmed} v1: a town (or the Redaktion on its behalf) confirmed a public partner's work. */
    public record ReferenceConfirmedV1(UUID referenceId, UUID partnerId, String partnerName, UUID caseId, String role,
            Instant confirmedAt, boolean confirmedOnBehalf) {}

    /** {@code ReferenceWithdrawn} v1: a confirmed reference no longer counts (withdrawn or declined afterwards). */
    public record ReferenceWithdrawnV1(UUID referenceId, UUID partnerId, UUID caseId, Instant withdrawnAt) {}
}
