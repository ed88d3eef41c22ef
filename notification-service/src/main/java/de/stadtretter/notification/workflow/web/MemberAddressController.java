package de.stadtretter.notification.workflow.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.notification.workflow.delivery.WorkflowMails;
import de.stadtretter.notification.workflow.members.MemberAddresses;
import de.stadtretter.notification.workflow.members.MemberAddresses.MemberAddress;

/**
 * The address under which the platform mails the logged-in member about their work: claims their town has to decide,
 * the Redaktion's decisions on what they submitted. {@code PUT} takes it from the member's access token (the portal
 * does so at every sign-in; only an address Keycloak has verified), {@code GET} shows what is kept, {@code DELETE}
 * forgets it together with the mails still waiting.
 */
@RestController
@RequestMapping("/api/notifications/me/address")
public class MemberAddressController {

    private final MemberAddresses addresses;
    private final WorkflowMails mails;

    public MemberAddressController(MemberAddresses addresses, WorkflowMails mails) {
        this.addresses = addresses;
        this.mails = mails;
    }

    /** What is kept of the member; {@code workflowMails}: they want these mails. */
    public record AddressView(String email, String name, String organisation, List<String> roles,
            boolean workflowMails, Instant updatedAt) {

        static AddressView of(MemberAddress a) {
            return new AddressView(a.email(), a.name(), a.organisation(), a.roles(), a.wanted(), a.updatedAt());
        }
    }

    /** Optional body of {@code PUT}: turn the mails off or on (absent: as before). */
    public record AddressBody(Boolean workflowMails) {}

    @GetMapping
    public AddressView read(Authentication auth) {
        return addresses.find(CurrentUser.from(auth).subject()).map(AddressView::of)
                .orElseThrow(() -> new NotFoundException("Address", "of this account"));
    }

    @PutMapping
    public AddressView register(Authentication auth, @RequestBody(required = false) AddressBody body) {
        CurrentUser user = CurrentUser.from(auth);
        String email = null;
        String name = null;
        if (auth instanceof JwtAuthenticationToken token) {
            if (Boolean.TRUE.equals(token.getToken().getClaimAsBoolean("email_verified"))) {
                email = token.getToken().getClaimAsString("email");
            }
            name = token.getToken().getClaimAsString("name");
        }
        if (email == null || email.isBlank()) {
            throw InvalidFieldsException.of("email", "the account has no verified e-mail address");
        }
        List<String> roles = CurrentUser.allRoles().stream().filter(user::hasRole).toList();
        return AddressView.of(addresses.save(user.subject(), email, name == null || name.isBlank() ? null : name,
                user.organisation(), roles, body == null ? null : body.workflowMails()));
    }

    @DeleteMapping
    @Transactional
    public ResponseEntity<Void> forget(Authentication auth) {
        addresses.delete(CurrentUser.from(auth).subject());
        mails.forget(CurrentUser.from(auth).subject());
        return ResponseEntity.noContent().build();
    }
}
