package de.stadtretter.partner.contacts.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.kit.web.TooManyRequestsException;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerRepository;

/**
 * A logged-in member writes to a verified partner: the request is stored and handed to the mail in one
 * transaction. At most {@value #PER_SENDER} requests per sender and {@value #PER_PARTNER} per partner within 24
 * hours, so that the platform is no channel for mass mail.
 */
@Service
public class ContactService {

    public static final int PER_SENDER = 5;
    public static final int PER_PARTNER = 50;
    static final Duration WINDOW = Duration.ofDays(1);
    static final Duration RETENTION = Duration.ofDays(30);

    private final ContactRequests requests;
    private final PartnerRepository partners;
    private final ContactPublications publications;
    private final Clock clock;

    public ContactService(ContactRequests requests, PartnerRepository partners, ContactPublications publications,
            Clock clock) {
        this.requests = requests;
        this.partners = partners;
        this.publications = publications;
        this.clock = clock;
    }

    /** The sender as the token names them: display name and e-mail address ({@code name}, {@code email}). */
    public record Sender(CurrentUser user, String name, String email) {}

    @Transactional
    public ContactRequest send(Sender sender, UUID partnerId, String subject, String message) {
        Partner partner = partners.find(partnerId).filter(Partner::isPublic)
                .orElseThrow(() -> new NotFoundException("Partner", partnerId));
        if (sender.email() == null || sender.email().isBlank()) {
            throw InvalidFieldsException.of("consent", "your account has no e-mail address the partner could "
                    + "answer to; add one to your account first");
        }
        String senderSubject = sender.user().subject();
        requests.lock(senderSubject, partnerId);
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        ContactRequests.Window bySender = requests.bySender(senderSubject, since);
        if (bySender.count() >= PER_SENDER) {
            throw new TooManyRequestsException("You have sent " + PER_SENDER + " contact requests within 24 hours; "
                    + "please try again later.", retryAfter(bySender, now));
        }
        ContactRequests.Window byPartner = requests.byPartner(partnerId, since);
        if (byPartner.count() >= PER_PARTNER) {
            throw new TooManyRequestsException("This partner has received " + PER_PARTNER + " contact requests "
                    + "within 24 hours; please try again later.", retryAfter(byPartner, now));
        }
        String name = sender.name() == null || sender.name().isBlank() ? sender.user().username() : sender.name();
        ContactRequest request = new ContactRequest(UUID.randomUUID(), partnerId, senderSubject, name,
                sender.email(), sender.user().organisation(), subject, message, now);
        requests.insert(request);
        publications.requested(request, partner);
        requests.purge(now.minus(RETENTION));
        return request;
    }

    /** When the oldest request of the window leaves it. */
    private static Duration retryAfter(ContactRequests.Window window, Instant now) {
        Instant free = window.oldest().orElse(now).plus(WINDOW);
        Duration wait = Duration.between(now, free);
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
    }
}
