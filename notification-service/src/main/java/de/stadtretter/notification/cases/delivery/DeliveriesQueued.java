package de.stadtretter.notification.cases.delivery;

/** Published inside the transaction that queued mails; the dispatcher reacts after its commit. */
public record DeliveriesQueued(int count) {
}
