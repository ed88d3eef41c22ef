package de.stadtretter.portal.newsletter;

import java.time.Instant;
import java.util.List;

/** notification-service's answers and bodies as the newsletter pages use them. */
public final class NewsletterModels {

    private NewsletterModels() {
    }

    /** What a subscriber chooses; empty {@code laender} and {@code townTypes} mean all. */
    public record Preferences(List<String> topics, List<String> laender, List<String> townTypes, List<String> kinds,
            String frequency) {

        public static Preferences defaults() {
            return new Preferences(List.of(), List.of(), List.of(), List.of("CASES"), "WEEKLY");
        }
    }

    /** A subscription as its owner sees it. */
    public record Subscription(String email, String status, boolean paused, List<String> topics, List<String> laender,
            List<String> townTypes, List<String> kinds, String frequency, Instant confirmedAt) {

        public Preferences preferences() {
            return new Preferences(topics, laender, townTypes, kinds, frequency);
        }

        public boolean active() {
            return "CONFIRMED".equals(status);
        }
    }

    public record Option(String id, String label) {}

    /** What the form offers, with the declaration of consent in force. */
    public record Options(List<Option> topics, List<Option> laender, List<Option> townTypes, String consentVersion,
            String consentText) {}

    /** How a request went: done, rejected (with the fields), too many from this address, or the consent changed. */
    public enum Outcome { DONE, REJECTED, TOO_MANY, CONSENT_CHANGED }

    public record Answer(Outcome outcome, List<String> fields, long retryAfterSeconds) {

        static Answer done() {
            return new Answer(Outcome.DONE, List.of(), 0);
        }
    }
}
