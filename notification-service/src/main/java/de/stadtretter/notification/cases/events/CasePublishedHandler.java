package de.stadtretter.notification.cases.events;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.DigestItems;
import de.stadtretter.notification.digests.items.ItemFacts;
import de.stadtretter.notification.digests.items.ItemKind;

/**
 * The effect of the catalogue's case events, run by {@link de.stadtretter.kit.events.inbox.InboundEvents} in one
 * transaction with the record that the event was handled: a published case, and a published revision, become news
 * for the digests (a revision only for subscribers who have not had the case); an archived case is mailed no more.
 */
@Service
public class CasePublishedHandler {

    public static final String CONSUMER = "notification-service.case-published";

    private static final Logger log = LoggerFactory.getLogger(CasePublishedHandler.class);

    private final DigestItems items;
    private final ItemFacts facts;

    public CasePublishedHandler(DigestItems items, ItemFacts facts) {
        this.items = items;
        this.facts = facts;
    }

    /** An archived case: no more mails about it (digest mails not yet sent leave it out). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void archived(CaseArchived archived) {
        items.withdraw(ItemKind.CASE, archived.caseId());
        log.info("Case {} archived: mailed no more", archived.caseId());
    }

    /** A published revision: news again for those who have not had the case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(CasePublished updated) {
        items.announce(item(updated, updated.updatedAt() != null ? updated.updatedAt() : updated.publishedAt()));
        log.info("Case {} revised", updated.caseId());
    }

    /** Must run in the transaction that records {@code eventId} as handled. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handle(String eventId, CasePublished published) {
        items.announce(item(published, published.publishedAt()));
        log.info("Case {} published (event {})", published.caseId(), eventId);
    }

    private DigestItem item(CasePublished c, Instant at) {
        return new DigestItem(ItemKind.CASE, c.caseId(), c.title(), ItemFacts.teaser(c.teaser()),
                facts.place(c.ags(), c.municipalityName()), c.topics(), facts.laender(c.ags(), c.stateCode()),
                facts.townType(c.ags()), at == null ? Instant.now() : at);
    }
}
