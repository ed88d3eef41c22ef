package de.stadtretter.portal.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

import de.stadtretter.portal.account.signin.AddressRegistration;
import de.stadtretter.portal.newsletter.NotificationClient;

/**
 * The portal is the OAuth2 client of the browser (backend-for-frontend): Authorization Code with PKCE against
 * Keycloak, the tokens kept in the server-side session (in PostgreSQL, shared by all replicas), an HttpOnly session
 * cookie, a new session id at login, CSRF tokens on every form, and a logout that also ends the Keycloak session.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Keycloak's realm roles, as the {@code roles} claim of the user info, become {@code ROLE_<role>}. */
    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
            NotificationClient notifications) throws Exception {
        AddressRegistration signedIn = new AddressRegistration(notifications);
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(
                registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/?abgemeldet");
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/redaktion", "/redaktion/**").hasAnyRole("redaktion", "admin")
                        .requestMatchers("/meine-praxisbeispiele", "/meine-praxisbeispiele/**").hasRole("kommune")
                        .requestMatchers("/referenzen", "/referenzen/**").hasRole("kommune")
                        .requestMatchers("/meine-bedarfe", "/bedarfe/neu", "/bedarfe/neu/**").hasRole("kommune")
                        .requestMatchers(HttpMethod.POST, "/bedarfe", "/bedarfe/*/schliessen",
                                "/bedarfe/*/benachrichtigung").hasRole("kommune")
                        .requestMatchers("/mein-partnerprofil", "/mein-partnerprofil/**").hasRole("partner")
                        .requestMatchers(HttpMethod.POST, "/partner/*/kontakt").authenticated()
                        .requestMatchers(HttpMethod.POST, "/praxisbeispiele/*/hilfreich").authenticated()
                        .requestMatchers("/anmelden", "/mein-konto", "/mein-konto/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2Login(o -> o
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(u -> u.userAuthoritiesMapper(keycloakRoles()))
                        .successHandler(signedIn))
                .logout(l -> l.logoutUrl("/abmelden").logoutSuccessHandler(keycloakLogout)
                        .deleteCookies("STADTRETTER_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    private static GrantedAuthoritiesMapper keycloakRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getUserInfo() != null ? oidc.getUserInfo().getClaim(ROLES_CLAIM)
                            : oidc.getIdToken().getClaim(ROLES_CLAIM);
                    if (roles instanceof Collection<?> list) {
                        list.forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
                    }
                }
            }
            return mapped;
        };
    }

    /** Tokens live in the session, not in one replica's memory, so that every portal replica can call the services. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode()
                .refreshToken().build());
        return manager;
    }

}
