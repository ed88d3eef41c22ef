package de.stadtretter.notification.partners.events;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.DigestItems;
import de.stadtretter.notification.digests.items.ItemFacts;
import de.stadtretter.notification.digests.items.ItemKind;

/**
 * Partners in the digests: a newly published (verified) profile is news; an updated one only changes what a mail
 * shows; a removed one is mailed no more.
 */
@Service
public class PartnerItems {

    private final DigestItems items;
    private final ItemFacts facts;

    public PartnerItems(DigestItems items, ItemFacts facts) {
        this.items = items;
        this.facts = facts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void published(PartnerProfile profile) {
        items.announce(item(profile));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(PartnerProfile profile) {
        items.refresh(item(profile));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removed(PartnerRemoved removed) {
        items.withdraw(ItemKind.PARTNER, removed.partnerId());
    }

    private DigestItem item(PartnerProfile p) {
        return new DigestItem(ItemKind.PARTNER, p.partnerId(), p.name(), ItemFacts.teaser(p.description()),
                facts.regions(p.regions()), p.topics(), ItemFacts.partnerLaender(p.regions()), null, p.verifiedAt());
    }
}
