package de.stadtretter.catalog.partners.events;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import de.stadtretter.catalog.partners.domain.CasePartners;
import de.stadtretter.kit.events.inbox.InboundEvents;

/**
 * Keeps the confirmed partners of each case current from {@code partner.profile.v1} (idempotently, the kit's
 * {@link InboundEvents}): a published or updated profile replaces what is known of the partner, a confirmed
 * reference is added, a withdrawn one and a removed partner go. One partner's events share a key, so they arrive in
 * order.
 */
@Component
class PartnerEventsListener {

    static final String CONSUMER = "catalog-service.partner-profile";

    private final InboundEvents inbound;
    private final CasePartners partners;

    PartnerEventsListener(InboundEvents inbound, CasePartners partners) {
        this.inbound = inbound;
        this.partners = partners;
    }

    // the consumer group is spring.kafka.consumer.group-id (the service name), not the listener id
    @KafkaListener(id = "catalog-partner-events", idIsGroup = false, topics = "partner.profile.v1")
    void on(String value) {
        inbound.handle(CONSUMER, value,
                InboundEvents.on(PartnerPublished.TYPE, PartnerPublished.class, this::replace),
                InboundEvents.on(PartnerPublished.UPDATED_TYPE, PartnerPublished.class, this::replace),
                InboundEvents.on(ReferenceChanged.CONFIRMED_TYPE, ReferenceChanged.ReferenceConfirmed.class,
                        r -> partners.confirmed(r.referenceId(), r.caseId(), r.partnerId(), r.partnerName(), r.role(),
                                r.confirmedAt())),
                InboundEvents.on(ReferenceChanged.WITHDRAWN_TYPE, ReferenceChanged.ReferenceWithdrawn.class,
                        r -> partners.withdrawn(r.referenceId())),
                InboundEvents.on(ReferenceChanged.REMOVED_TYPE, ReferenceChanged.PartnerRemoved.class,
                        r -> partners.forget(r.partnerId())));
    }

    private void replace(PartnerPublished p) {
        partners.forget(p.partnerId());
        for (PartnerPublished.ConfirmedReference r : p.confirmedReferences()) {
            partners.confirmed(r.referenceId(), r.caseId(), p.partnerId(), p.name(), r.role(), r.confirmedAt());
        }
    }
}
