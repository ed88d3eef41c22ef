package de.stadtretter.partner.config;

import static de.stadtretter.kit.security.CurrentUser.ADMIN;
import static de.stadtretter.kit.security.CurrentUser.PARTNER;
import static de.stadtretter.kit.security.CurrentUser.REDAKTION;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.ProblemSecurityHandlers;

/**
 * Verified profiles, their confirmed references and the directory are public; everything else needs a token.
 * Ownership (a company changes only its own profile, a town decides only on its own cases) is checked per request
 * in the services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String PARTNERS = "/api/partners";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(ApiSecurity.publicInfrastructurePaths()).permitAll()
                .requestMatchers(ApiSecurity.OPERATOR_PATHS).hasRole(ADMIN)
                // the towns' inbox first: it would match the public "/api/partners/*" below
                .requestMatchers(ApiSecurity.reads(PARTNERS + "/references")).authenticated()
                .requestMatchers(ApiSecurity.reads(PARTNERS + "/search", PARTNERS + "/*", PARTNERS + "/*/references"))
                        .permitAll()
                .requestMatchers(HttpMethod.POST, PARTNERS).hasAnyRole(PARTNER, REDAKTION, ADMIN)
                .requestMatchers(HttpMethod.POST, PARTNERS + "/*/verify", PARTNERS + "/*/reject")
                        .hasAnyRole(REDAKTION, ADMIN)
                .anyRequest().authenticated());
        return ApiSecurity.apply(http, handlers).build();
    }
}
