package de.stadtretter.partner.contacts.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.partner.contacts.domain.ContactService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/partners/{id}/contact}: a logged-in member writes to a verified partner. */
@RestController
@RequestMapping("/api/partners")
public class ContactController {

    private final ContactService service;

    public ContactController(ContactService service) {
        this.service = service;
    }

    /**
     * @param consent the sender agrees that the partner gets their name and e-mail address (to answer); required
     */
    public record ContactBody(@NotBlank @Size(max = 150) String subject,
            @NotBlank @MultilineText @Size(max = 5_000) String message,
            @NotNull @AssertTrue(message = "must be true: the partner needs your name and e-mail address to answer")
            Boolean consent) {}

    public record ContactResponse(UUID id, UUID partnerId, String status) {}

    @PostMapping("/{id}/contact")
    public ResponseEntity<ContactResponse> contact(@PathVariable UUID id, @Valid @RequestBody ContactBody body,
            Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        String name = null;
        String email = null;
        if (auth instanceof JwtAuthenticationToken token) {
            name = token.getToken().getClaimAsString("name");
            email = token.getToken().getClaimAsString("email");
        }
        var request = service.send(new ContactService.Sender(user, name, email), id, body.subject(), body.message());
        return ResponseEntity.accepted().location(URI.create("/api/partners/" + id + "/contact/" + request.id()))
                .body(new ContactResponse(request.id(), id, "ACCEPTED"));
    }
}
