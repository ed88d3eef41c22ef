package de.stadtretter.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.security.ProblemSecurityHandlers;

/**
 * Subscribing, confirming, unsubscribing and the settings behind the personal link are open to everyone
 * (subscribers need no account; the link's token is their credential); the member's own subscription needs an
 * access token, the administration (proof of consent, digest runs) the role admin.
 * <p>
 * No CSRF protection is needed for the confirm and unsubscribe forms: there is no session or cookie that a
 * foreign site could ride on (the kit makes the service stateless), and the form's only effect is bound to the
 * secret token it carries, which an attacker does not know.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    public static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(ApiSecurity.publicInfrastructurePaths()).permitAll()
                        .requestMatchers(ApiSecurity.OPERATOR_PATHS).hasRole(CurrentUser.ADMIN)
                        .requestMatchers("/api/notifications/admin/**").hasRole(CurrentUser.ADMIN)
                        .requestMatchers(HttpMethod.POST, SUBSCRIPTIONS, SUBSCRIPTIONS + "/confirmations",
                                SUBSCRIPTIONS + "/unsubscriptions").permitAll()
                        .requestMatchers(ApiSecurity.reads(SUBSCRIPTIONS + "/consent", SUBSCRIPTIONS + "/options"))
                        .permitAll()
                        // the personal link's token is the credential of these
                        .requestMatchers(SUBSCRIPTIONS + "/preferences", SUBSCRIPTIONS + "/preferences/*").permitAll()
                        .requestMatchers(SUBSCRIPTIONS + "/confirm", SUBSCRIPTIONS + "/unsubscribe").permitAll()
                        .requestMatchers(ApiSecurity.reads("/api/notifications/assets/**")).permitAll()
                        .anyRequest().authenticated())
                // the confirm and unsubscribe pages carry a token in their URL: never leak it to other sites
                .headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER)));
        return ApiSecurity.apply(http, handlers).build();
    }
}
