package de.stadtretter.notification.subscriptions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.web.ApiProblems.FieldProblem;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.notification.subscriptions.consent.ClientAddresses;
import de.stadtretter.notification.subscriptions.consent.ClientRequestLimit;
import de.stadtretter.notification.subscriptions.consent.ConsentRecord;
import de.stadtretter.notification.subscriptions.consent.ConsentRecords;
import tools.jackson.databind.json.JsonMapper;
import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.subscriptions.delivery.ConfirmationMailDispatcher;
import de.stadtretter.notification.subscriptions.delivery.ConfirmationMails;

/**
 * Double opt-in. A request stores the wanted topics and the hash of a fresh confirmation token and mails the
 * confirmation link; only the confirmation makes (or changes) an active subscription. Answers never reveal whether
 * an address was known before.
 */
@Service
public class SubscriptionService {

    public static final String CONFIRMATION_KIND = ConfirmationMailDispatcher.KIND;
    public static final String CONFIRMATION_SUBJECT = ConfirmationMailDispatcher.SUBJECT;

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    /** What a confirmation or unsubscribe link leads to. */
    public enum LinkState { VALID, EXPIRED, UNKNOWN }

    /** The subscription behind a link, if the link is valid. */
    public record LinkCheck(LinkState state, Subscription subscription) {

        static LinkCheck unknown() {
            return new LinkCheck(LinkState.UNKNOWN, null);
        }
    }


    private final SubscriptionRepository subscriptions;
    private final SubscriptionTokens tokens;
    private final TransactionTemplate tx;
    private final Mailer mailer;
    private final ReferenceData referenceData;
    private final NotificationProperties properties;
    private final ConsentRecords consents;
    private final ClientRequestLimit clientLimit;
    private final JsonMapper json;
    private final ConfirmationMails confirmationMails;

    public SubscriptionService(SubscriptionRepository subscriptions, SubscriptionTokens tokens, TransactionTemplate tx,
            Mailer mailer, ReferenceData referenceData, NotificationProperties properties,
            ConsentRecords consents, ClientRequestLimit clientLimit, JsonMapper json,
            ConfirmationMails confirmationMails) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.tx = tx;
        this.mailer = mailer;
        this.referenceData = referenceData;
        this.properties = properties;
        this.consents = consents;
        this.clientLimit = clientLimit;
        this.json = json;
        this.confirmationMails = confirmationMails;
    }

    /**
     * Records the request with its proof of consent and sends the confirmation mail (after the commit). A repeated
     * request renews the token (the older link stops working); a confirmed subscription keeps its preferences until
     * the new request is confirmed. Beyond {@code client-request-limit} requests per client address and window the
     * request is refused (429); beyond {@code confirmation-mail-limit} requests per address and window, a request
     * changes nothing and sends nothing (the caller's answer stays the same, so it reveals nothing either).
     */
    public void subscribe(String rawEmail, Preferences rawPreferences, String clientAddress) {
        String email = normaliseEmail(rawEmail);
        Preferences preferences = checkPreferences(rawPreferences);
        clientLimit.count(clientAddress);
        Boolean queued = tx.execute(status -> {
            UUID newId = UUID.randomUUID();
            subscriptions.insertIfAbsent(newId, email, SubscriptionTokens.hash(tokens.unsubscribeToken(newId)));
            Subscription subscription = subscriptions.lockByEmail(email).orElseThrow();
            if (!subscriptions.countConfirmationMail(subscription.id(), properties.confirmationMailLimit(),
                    properties.confirmationMailWindow())) {
                return false;
            }
            String token = SubscriptionTokens.newConfirmationToken();
            UUID consentId = UUID.randomUUID();
            consents.insert(consentId, subscription.id(), email, ConsentRecord.DOUBLE_OPT_IN, describe(preferences),
                    ClientAddresses.prefix(clientAddress), false);
            subscriptions.requestConfirmation(subscription.id(), preferences, consentId,
                    SubscriptionTokens.hash(token), Instant.now().plus(properties.confirmationValidity()));
            // the mail goes into the queue in the same transaction: sent after the commit, retried if need be
            confirmationMails.queue(subscription.id(), email, token, labels(preferences.topics()));
            return true;
        });
        if (!Boolean.TRUE.equals(queued)) {
            mailer.countThrottled(CONFIRMATION_KIND);
            log.info("Subscription request for an address that reached its confirmation mail limit; nothing sent");
        }
    }

    public LinkCheck checkConfirmation(String token) {
        if (token == null || token.isBlank()) {
            return LinkCheck.unknown();
        }
        return subscriptions.findByConfirmationHash(SubscriptionTokens.hash(token), false)
                .map(s -> new LinkCheck(s.confirmationExpired(Instant.now()) ? LinkState.EXPIRED : LinkState.VALID, s))
                .orElseGet(LinkCheck::unknown);
    }

    /** Confirms the request behind {@code token}; the token then stops working. */
    public LinkCheck confirm(String token) {
        if (token == null || token.isBlank()) {
            return LinkCheck.unknown();
        }
        return tx.execute(status -> {
            Optional<Subscription> found = subscriptions.findByConfirmationHash(SubscriptionTokens.hash(token), true);
            if (found.isEmpty()) {
                return LinkCheck.unknown();
            }
            Subscription subscription = found.get();
            if (subscription.confirmationExpired(Instant.now())) {
                return new LinkCheck(LinkState.EXPIRED, subscription);
            }
            if (subscription.pendingConsentId() != null) {
                consents.confirm(subscription.pendingConsentId());
            }
            subscriptions.confirm(subscription.id());
            log.info("Subscription {} confirmed", subscription.id());
            return new LinkCheck(LinkState.VALID, subscriptions.lockByEmail(subscription.email()).orElseThrow());
        });
    }

    public LinkCheck checkUnsubscribe(String token) {
        if (token == null || token.isBlank()) {
            return LinkCheck.unknown();
        }
        return subscriptions.findByUnsubscribeHash(SubscriptionTokens.hash(token), false)
                .map(s -> new LinkCheck(LinkState.VALID, s))
                .orElseGet(LinkCheck::unknown);
    }

    /** Ends the subscription behind {@code token}; doing it twice is harmless. */
    public LinkCheck unsubscribe(String token) {
        if (token == null || token.isBlank()) {
            return LinkCheck.unknown();
        }
        return tx.execute(status -> subscriptions.findByUnsubscribeHash(SubscriptionTokens.hash(token), true)
                .map(subscription -> {
                    if (subscription.status() != SubscriptionStatus.UNSUBSCRIBED) {
                        subscriptions.unsubscribe(subscription.id());
                        consents.withdraw(subscription.id());
                        log.info("Subscription {} unsubscribed", subscription.id());
                    }
                    return new LinkCheck(LinkState.VALID, subscription);
                })
                .orElseGet(LinkCheck::unknown));
    }

    /** The personal token of a subscription's links (preferences, unsubscribe). */
    public String unsubscribeToken(UUID subscriptionId) {
        return tokens.unsubscribeToken(subscriptionId);
    }

    public List<String> labels(List<String> topicIds) {
        return topicIds.stream()
                .map(id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id))
                .toList();
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Checks the ids against the reference data; duplicates are dropped, the order is kept. */
    public Preferences checkPreferences(Preferences preferences) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "topics", preferences.topics(), referenceData::isTopic, "unknown topic id");
        check(problems, "laender", preferences.laender(), code -> referenceData.landByCode(code).isPresent(),
                "unknown state code");
        check(problems, "townTypes", preferences.townTypes(), referenceData.townTypes()::containsKey,
                "unknown town type");
        if (preferences.topics().isEmpty()) {
            problems.add(new FieldProblem("topics", "must not be empty"));
        }
        if (preferences.kinds().isEmpty()) {
            problems.add(new FieldProblem("kinds", "must not be empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Preferences(distinct(preferences.topics()), distinct(preferences.laender()),
                distinct(preferences.townTypes()), distinct(preferences.kinds()), preferences.frequency());
    }

    private static void check(List<FieldProblem> problems, String field, List<String> values,
            java.util.function.Predicate<String> known, String message) {
        for (int i = 0; i < values.size(); i++) {
            if (!known.test(values.get(i))) {
                problems.add(new FieldProblem(field, message + " at [" + i + "]: " + values.get(i)));
            }
        }
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** The preferences as they are stored in a consent record. */
    private String describe(Preferences preferences) {
        return json.writeValueAsString(preferences);
    }
}
