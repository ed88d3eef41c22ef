package de.stadtretter.notification.subscriptions.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.web.ConflictException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.notification.subscriptions.consent.ClientAddresses;
import de.stadtretter.notification.subscriptions.consent.ClientRequestLimit;
import de.stadtretter.notification.subscriptions.consent.ConsentRecord;
import de.stadtretter.notification.subscriptions.consent.ConsentRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managing a subscription without an account, through the personal link in every mail (its token is the
 * subscription's unsubscribe token), or as a logged-in member whose account has a verified address: change the
 * preferences, pause, end, or erase everything (DSGVO Art. 17; only the proof of consent stays, as long as
 * {@link ConsentRecords#keepUntil} says).
 */
@Service
public class PreferencesService {

    private static final Logger log = LoggerFactory.getLogger(PreferencesService.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionService service;
    private final ConsentRecords consents;
    private final ClientRequestLimit clientLimit;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public PreferencesService(SubscriptionRepository subscriptions, SubscriptionService service,
            ConsentRecords consents, ClientRequestLimit clientLimit, TransactionTemplate tx, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.service = service;
        this.consents = consents;
        this.clientLimit = clientLimit;
        this.tx = tx;
        this.json = json;
    }

    /** The subscription behind a personal link; 404 for an unknown token. */
    public Subscription byToken(String token) {
        return find(token, false);
    }

    /** New preferences, in force at once; only for a confirmed subscription (409 otherwise). */
    public Subscription update(String token, Preferences preferences) {
        Preferences checked = service.checkPreferences(preferences);
        return tx.execute(status -> {
            Subscription subscription = confirmed(find(token, true));
            subscriptions.updatePreferences(subscription.id(), checked);
            log.info("Subscription {} changed its preferences", subscription.id());
            return reload(subscription);
        });
    }

    /** Pauses or resumes a confirmed subscription (409 otherwise). */
    public Subscription pause(String token, boolean paused) {
        return tx.execute(status -> {
            Subscription subscription = confirmed(find(token, true));
            subscriptions.pause(subscription.id(), paused);
            log.info("Subscription {} {}", subscription.id(), paused ? "paused" : "resumed");
            return reload(subscription);
        });
    }

    /**
     * Erases the subscription with everything about it; returns until when the proof of consent is kept (null if
     * there was no confirmed consent to prove, so nothing is kept).
     */
    public Instant erase(String token) {
        return tx.execute(status -> {
            Subscription subscription = find(token, true);
            consents.withdraw(subscription.id());
            subscriptions.delete(subscription.id());
            log.info("Subscription {} erased at its owner's request", subscription.id());
            return consents.byEmail(subscription.email()).stream()
                    .map(ConsentRecord::keepUntil).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        });
    }

    /** The subscription a member manages: the one bound to the account, else the one of its verified address. */
    public Optional<Subscription> ofMember(String subject, String email) {
        Optional<Subscription> bound = subscriptions.findByMember(subject);
        if (bound.isPresent() || email == null) {
            return bound;
        }
        return tx.execute(status -> subscriptions.lockByEmail(SubscriptionService.normaliseEmail(email)));
    }

    /**
     * A member subscribes or changes their subscription. The account's address is verified, so no confirmation mail
     * is needed: a new consent is recorded as given through the account, and the subscription is active at once.
     */
    public Subscription saveForMember(String subject, String rawEmail, Preferences preferences, String clientAddress) {
        String email = SubscriptionService.normaliseEmail(rawEmail);
        Preferences checked = service.checkPreferences(preferences);
        Optional<Subscription> existing = subscriptions.findByMember(subject);
        if (existing.isEmpty() || existing.get().status() != SubscriptionStatus.CONFIRMED) {
            clientLimit.count(clientAddress);
        }
        return tx.execute(status -> {
            Subscription subscription = subscriptions.findByMember(subject)
                    .flatMap(s -> subscriptions.lockByEmail(s.email()))
                    .orElseGet(() -> {
                        UUID newId = UUID.randomUUID();
                        subscriptions.insertIfAbsent(newId, email, SubscriptionTokens.hash(
                                service.unsubscribeToken(newId)));
                        return subscriptions.lockByEmail(email).orElseThrow();
                    });
            if (subscription.status() == SubscriptionStatus.CONFIRMED) {
                subscriptions.updatePreferences(subscription.id(), checked);
            } else {
                UUID consentId = UUID.randomUUID();
                consents.insert(consentId, subscription.id(), subscription.email(), ConsentRecord.ACCOUNT,
                        json.writeValueAsString(checked), ClientAddresses.prefix(clientAddress), true);
                subscriptions.requestConfirmation(subscription.id(), checked, consentId,
                        SubscriptionTokens.hash(SubscriptionTokens.newConfirmationToken()), Instant.now());
                subscriptions.confirm(subscription.id());
                log.info("Subscription {} started by its member account", subscription.id());
            }
            subscriptions.bindMember(subscription.id(), subject);
            return reload(subscription);
        });
    }

    /** The member ends their subscription (404 if they have none). */
    public void endForMember(String subject, String email) {
        Subscription subscription = ofMember(subject, email).orElseThrow(() -> new NotFoundException("Subscription",
                "of this account"));
        service.unsubscribe(service.unsubscribeToken(subscription.id()));
    }

    private Subscription find(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new NotFoundException("Subscription", "for this link");
        }
        return subscriptions.findByUnsubscribeHash(SubscriptionTokens.hash(token), lock)
                .orElseThrow(() -> new NotFoundException("Subscription", "for this link"));
    }

    private static Subscription confirmed(Subscription subscription) {
        if (subscription.status() != SubscriptionStatus.CONFIRMED) {
            throw new ConflictException("The subscription is " + subscription.status().name().toLowerCase()
                    + "; please subscribe again.");
        }
        return subscription;
    }

    private Subscription reload(Subscription subscription) {
        return subscriptions.lockByEmail(subscription.email()).orElseThrow();
    }
}
