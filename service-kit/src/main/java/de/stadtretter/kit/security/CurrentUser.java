package de.stadtretter.kit.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the validated access token: subject, the organisation the user belongs to
 * (a municipality's AGS or a partner's id, claim {@value #ORGANISATION_CLAIM}) and the realm roles.
 */
public record CurrentUser(String subject, String username, String organisation, Set<String> roles) {

    public static final String ORGANISATION_CLAIM = "organisation";

    public static final String KOMMUNE = "kommune";
    public static final String PARTNER = "partner";
    public static final String REDAKTION = "redaktion";
    public static final String ADMIN = "admin";

    /** The caller, or {@code null} for an anonymous request. */
    public static CurrentUser from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return null;
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(token.getToken().getSubject(),
                token.getToken().getClaimAsString("preferred_username"),
                token.getToken().getClaimAsString(ORGANISATION_CLAIM), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Redaktion and admin may act on every organisation's content. */
    public boolean isEditor() {
        return hasRole(REDAKTION) || hasRole(ADMIN);
    }

    public boolean belongsTo(String organisationId) {
        return organisation != null && organisation.equals(organisationId);
    }

    public static List<String> allRoles() {
        return List.of(KOMMUNE, PARTNER, REDAKTION, ADMIN);
    }
}
