package de.stadtretter.notification.needs.events;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.DigestItems;
import de.stadtretter.notification.digests.items.ItemFacts;
import de.stadtretter.notification.digests.items.ItemKind;

/**
 * Public needs in the digests: a need that opens as (or becomes) public is news; a change of a public need only
 * changes what a mail shows; a need that closes or stops being public is mailed no more.
 */
@Service
public class NeedItems {

    private final DigestItems items;
    private final ItemFacts facts;
    private final JdbcClient jdbc;

    public NeedItems(DigestItems items, ItemFacts facts, JdbcClient jdbc) {
        this.items = items;
        this.facts = facts;
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(NeedPublished need) {
        if (!need.isPublic()) {
            items.withdraw(ItemKind.NEED, need.needId());
        } else if (isShown(need.needId())) {
            items.refresh(item(need));
        } else {
            items.announce(item(need));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(NeedClosed closed) {
        items.withdraw(ItemKind.NEED, closed.needId());
    }

    private boolean isShown(UUID needId) {
        return jdbc.sql("select count(*) from digest_item where kind = 'NEED' and item_id = :id and withdrawn_at is null")
                .param("id", needId).query(Long.class).single() > 0;
    }

    private DigestItem item(NeedPublished n) {
        return new DigestItem(ItemKind.NEED, n.needId(), n.title(), ItemFacts.teaser(n.description()),
                facts.place(n.ags(), null), n.topics(), facts.laender(n.ags(), null), facts.townType(n.ags()),
                n.updatedAt() != null ? n.updatedAt() : n.openedAt());
    }
}
