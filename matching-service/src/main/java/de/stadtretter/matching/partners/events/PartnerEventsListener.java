package de.stadtretter.matching.partners.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.matching.partners.domain.PartnerProfiles;
import de.stadtretter.matching.partners.domain.PartnerText;

/** Keeps matching's partner profiles current from {@code partner.profile.v1}, idempotently and in order per partner. */
@Component
class PartnerEventsListener {

    static final String CONSUMER = "matching-service.partner-profile";

    private final InboundEvents inbound;
    private final PartnerProfiles profiles;

    PartnerEventsListener(InboundEvents inbound, PartnerProfiles profiles) {
        this.inbound = inbound;
        this.profiles = profiles;
    }

    // the consumer group is spring.kafka.consumer.group-id (the service name), not the listener id
    @KafkaListener(id = "matching-partner-events", idIsGroup = false, topics = "partner.profile.v1")
    void on(String value) {
        inbound.handle(CONSUMER, value,
                InboundEvents.on(PartnerPublished.TYPE, PartnerPublished.class, this::replace),
                InboundEvents.on(PartnerPublished.UPDATED_TYPE, PartnerPublished.class, this::replace),
                InboundEvents.on(PartnerReferenceEvents.CONFIRMED_TYPE, PartnerReferenceEvents.ReferenceConfirmed.class,
                        r -> profiles.confirmed(r.referenceId(), r.partnerId(), r.caseId(), r.confirmedAt())),
                InboundEvents.on(PartnerReferenceEvents.WITHDRAWN_TYPE, PartnerReferenceEvents.ReferenceWithdrawn.class,
                        r -> profiles.withdrawn(r.referenceId())),
                InboundEvents.on(PartnerReferenceEvents.REMOVED_TYPE, PartnerReferenceEvents.PartnerRemoved.class,
                        r -> profiles.forget(r.partnerId())));
    }

    private void replace(PartnerPublished p) {
        Set<String> topics = new LinkedHashSet<>(p.topics());
        if (p.offerings() != null) {
            p.offerings().forEach(o -> {
                if (o.topics() != null) {
                    topics.addAll(o.topics());
                }
            });
        }
        List<PartnerText.Offering> offerings = p.offerings() == null ? List.of() : p.offerings().stream()
                .map(o -> new PartnerText.Offering(o.title() == null ? "" : o.title(),
                        o.description() == null ? "" : o.description(), o.topics() == null ? List.of() : o.topics()))
                .toList();
        profiles.replace(p.partnerId(), p.name(), p.description(), List.copyOf(topics), p.regions(), offerings);
        p.confirmedReferences().forEach(r -> profiles.confirmed(r.referenceId(), p.partnerId(), r.caseId(),
                r.confirmedAt()));
    }
}
