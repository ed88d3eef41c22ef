package de.stadtretter.notification.subscriptions.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.notification.subscriptions.domain.PreferencesService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * The subscription of the logged-in member, to the address of their account (which Keycloak has verified, so no
 * confirmation mail is needed; starting one needs the {@code consentVersion} of the text the portal showed).
 */
@RestController
@RequestMapping("/api/notifications/me/subscription")
public class MemberSubscriptionController {

    private final PreferencesService preferences;

    public MemberSubscriptionController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    /** The member's subscription; 404 if they have none. */
    @GetMapping
    public SubscriptionView read(Authentication auth) {
        return preferences.ofMember(auth.getName(), email(auth, false)).map(SubscriptionView::of)
                .orElseThrow(() -> new NotFoundException("Subscription", "of this account"));
    }

    @PutMapping
    public SubscriptionView save(Authentication auth, @Valid @RequestBody PreferencesBody body,
            HttpServletRequest http) {
        String email = email(auth, true);
        boolean active = preferences.ofMember(auth.getName(), email)
                .map(s -> s.status().name().equals("CONFIRMED")).orElse(false);
        if (!active && body.consentVersion() == null) {
            throw InvalidFieldsException.of("consentVersion", "is needed to start a subscription: the version of "
                    + "the consent text shown (GET /api/notifications/subscriptions/consent)");
        }
        SubscriptionController.checkConsentVersion(body.consentVersion());
        return SubscriptionView.of(preferences.saveForMember(auth.getName(), email, body.preferences(),
                http.getRemoteAddr()));
    }

    /** Ends the member's subscription. */
    @DeleteMapping
    public ResponseEntity<Void> end(Authentication auth) {
        preferences.endForMember(auth.getName(), email(auth, false));
        return ResponseEntity.noContent().build();
    }

    /** The account's address, if Keycloak verified it; {@code required}: 400 without one. */
    private static String email(Authentication auth, boolean required) {
        String email = null;
        if (auth instanceof JwtAuthenticationToken token
                && Boolean.TRUE.equals(token.getToken().getClaimAsBoolean("email_verified"))) {
            email = token.getToken().getClaimAsString("email");
        }
        if (required && (email == null || email.isBlank())) {
            throw InvalidFieldsException.of("email", "the account has no verified e-mail address");
        }
        return email;
    }
}
