package de.stadtretter.notification.subscriptions.domain;

/** Where a subscription stands in the double opt-in. */
public enum SubscriptionStatus {
    /** requested, the address owner has not confirmed yet: no mails except the confirmation mail */
    PENDING,
    /** confirmed by following the link in the confirmation mail: receives mails on its topics */
    CONFIRMED,
    /** the subscriber unsubscribed: receives nothing */
    UNSUBSCRIBED
}
