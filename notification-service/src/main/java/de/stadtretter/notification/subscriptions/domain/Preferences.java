package de.stadtretter.notification.subscriptions.domain;

import java.util.List;

/**
 * What a subscription is about and how often it is mailed. {@code laender} (state codes) and {@code townTypes}
 * (codes of gemeindetypen.csv) may be empty, meaning all; {@code topics} and {@code kinds} never are.
 */
public record Preferences(List<String> topics, List<String> laender, List<String> townTypes, List<Kind> kinds,
        Frequency frequency) {

    /** What a subscriber can hear about. */
    public enum Kind {
        /** newly published (or updated, if not seen) cases */
        CASES,
        /** newly verified partners */
        PARTNERS,
        /** other towns' public needs */
        NEEDS
    }

    /** How often mails go out. */
    public enum Frequency {
        /** a mail as soon as something new is there */
        IMMEDIATE,
        /** every day at 07:00 (Europe/Berlin) */
        DAILY,
        /** every Monday at 07:00 (Europe/Berlin) */
        WEEKLY
    }

    /** What a request without preferences (the foundation's {@code {"email", "topics"}}) stands for. */
    public static Preferences defaults(List<String> topics) {
        return new Preferences(topics, List.of(), List.of(), List.of(Kind.CASES), Frequency.WEEKLY);
    }

    public Preferences {
        topics = List.copyOf(topics);
        laender = List.copyOf(laender);
        townTypes = List.copyOf(townTypes);
        kinds = List.copyOf(kinds);
    }
}
