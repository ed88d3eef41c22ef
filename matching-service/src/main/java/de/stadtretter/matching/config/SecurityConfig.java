package de.stadtretter.matching.config;

import static de.stadtretter.kit.security.CurrentUser.ADMIN;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.ProblemSecurityHandlers;

/**
 * Municipality profiles, similar towns and needs (as far as their visibility allows) are public to read; everything
 * else needs a token. Who may describe a municipality or write a need (its own Kommune, the Redaktion) is checked in
 * the services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(ApiSecurity.publicInfrastructurePaths()).permitAll()
                .requestMatchers(ApiSecurity.OPERATOR_PATHS).hasRole(ADMIN)
                .requestMatchers(ApiSecurity.reads("/api/matching/municipalities/*",
                        "/api/matching/municipalities/*/similar", "/api/matching/municipalities/*/cases",
                        "/api/matching/needs", "/api/matching/needs/*",
                        "/api/matching/needs/*/recommendations"))
                        .permitAll()
                .anyRequest().authenticated());
        return ApiSecurity.apply(http, handlers).build();
    }
}
