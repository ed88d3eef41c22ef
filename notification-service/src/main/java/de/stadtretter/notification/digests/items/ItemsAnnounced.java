package de.stadtretter.notification.digests.items;

/** Published in the transaction that made an item news: after its commit the immediate mails are gathered. */
public record ItemsAnnounced() {
}
