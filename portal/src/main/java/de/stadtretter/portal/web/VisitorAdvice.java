package de.stadtretter.portal.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is looking, for the header of every page: a name and the roles, never a token. */
@ControllerAdvice
class VisitorAdvice {

    /** The logged-in member, or null for an anonymous visitor. */
    record Member(String name, String organisation, Set<String> roles) {}

    @ModelAttribute("member")
    Member member(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new Member(name, user.getClaimAsString("organisation"), roles);
    }
}
