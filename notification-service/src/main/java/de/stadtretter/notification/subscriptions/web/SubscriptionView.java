package de.stadtretter.notification.subscriptions.web;

import java.time.Instant;
import java.util.List;

import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import de.stadtretter.notification.subscriptions.domain.Preferences.Kind;
import de.stadtretter.notification.subscriptions.domain.Subscription;

/** A subscription as its owner sees it (by their personal link or their account). */
public record SubscriptionView(String email, String status, boolean paused, List<String> topics, List<String> laender,
        List<String> townTypes, List<Kind> kinds, Frequency frequency, Instant confirmedAt) {

    static SubscriptionView of(Subscription s) {
        var p = s.status().name().equals("CONFIRMED") ? s.preferences() : s.shownPreferences();
        return new SubscriptionView(s.email(), s.status().name(), s.pausedAt() != null, p.topics(), p.laender(),
                p.townTypes(), p.kinds(), p.frequency(), s.confirmedAt());
    }
}
