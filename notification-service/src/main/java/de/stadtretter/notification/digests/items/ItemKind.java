package de.stadtretter.notification.digests.items;

import de.stadtretter.notification.subscriptions.domain.Preferences;

/** What an item of a digest is, and which subscription kind asks for it. */
public enum ItemKind {
    CASE(Preferences.Kind.CASES),
    PARTNER(Preferences.Kind.PARTNERS),
    NEED(Preferences.Kind.NEEDS);

    private final Preferences.Kind subscribedAs;

    ItemKind(Preferences.Kind subscribedAs) {
        this.subscribedAs = subscribedAs;
    }

    public Preferences.Kind subscribedAs() {
        return subscribedAs;
    }
}
