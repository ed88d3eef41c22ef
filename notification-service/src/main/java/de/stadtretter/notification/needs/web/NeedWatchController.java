package de.stadtretter.notification.needs.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.ConflictException;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.notification.needs.delivery.MatchMails;

/**
 * A member of a Kommune (or an editor) asks to be mailed when a case or partner matching one of the Kommune's needs
 * is published: {@code PUT /api/notifications/need-watches/{needId}}. The address is the one in the caller's access
 * token, taken at that moment; a watcher gets only the matches of needs of their own Kommune (the need's AGS comes
 * with each match), so watching a foreign need id yields nothing. {@code GET} tells whether the caller watches,
 * {@code DELETE} ends it; closing the need ends all watches.
 */
@RestController
public class NeedWatchController {

    public static final String PATH = "/api/notifications/need-watches/{needId}";

    private final MatchMails mails;

    public NeedWatchController(MatchMails mails) {
        this.mails = mails;
    }

    /** The watch as answered (the address so that the member sees where the mails go). */
    public record WatchResponse(UUID needId, String email) {}

    @PutMapping(PATH)
    public WatchResponse watch(@PathVariable UUID needId, Authentication auth) {
        CurrentUser user = member(auth);
        String email = auth instanceof JwtAuthenticationToken token ? token.getToken().getClaimAsString("email") : null;
        if (email == null || email.isBlank()) {
            throw InvalidFieldsException.of("email", "the account has no e-mail address to send matches to");
        }
        boolean editor = user.isEditor();
        if (!mails.watch(new MatchMails.Watch(needId, user.subject(), editor ? null : user.organisation(), editor,
                email))) {
            throw new ConflictException("the need is closed");
        }
        return new WatchResponse(needId, email);
    }

    @GetMapping(PATH)
    public WatchResponse watching(@PathVariable UUID needId, Authentication auth) {
        CurrentUser user = member(auth);
        if (!mails.isWatching(needId, user.subject())) {
            throw new NotFoundException("watch", needId);
        }
        String email = auth instanceof JwtAuthenticationToken token ? token.getToken().getClaimAsString("email") : null;
        return new WatchResponse(needId, email);
    }

    @DeleteMapping(PATH)
    public ResponseEntity<Void> unwatch(@PathVariable UUID needId, Authentication auth) {
        mails.unwatch(needId, member(auth).subject());
        return ResponseEntity.noContent().build();
    }

    private static CurrentUser member(Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        if (user == null || !(user.hasRole(CurrentUser.KOMMUNE) || user.isEditor())) {
            throw new AccessDeniedException("only members of a Kommune and editors watch needs");
        }
        return user;
    }
}
