package de.stadtretter.notification.subscriptions.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * The proof of one consent: what was agreed to (text, version, preferences), how (double opt-in or a logged-in
 * account with a verified address), when it was asked for and confirmed, from which network, and when it ended.
 * {@code keepUntil} is set when the consent ends: the record is deleted after it.
 */
public record ConsentRecord(UUID id, UUID subscriptionId, String email, String method, String consentVersion,
        String consentText, String preferences, String ipPrefix, Instant requestedAt, Instant confirmedAt,
        Instant withdrawnAt, Instant keepUntil) {

    public static final String DOUBLE_OPT_IN = "DOUBLE_OPT_IN";
    public static final String ACCOUNT = "ACCOUNT";
}
