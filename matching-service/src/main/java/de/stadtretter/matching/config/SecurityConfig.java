package de.stadtretter.matching.config;

import static de.stadtretter.kit.security.CurrentUser.ADMIN;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.ProblemSecurityHandlers;

/**
 * Municipality profiles and similar towns are public to read; everything else needs a token. Who may describe a
 * municipality (its own Kommune, the Redaktion) is checked in the service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(ApiSecurity.publicInfrastructurePaths()).permitAll()
                .requestMatchers(ApiSecurity.OPERATOR_PATHS).hasRole(ADMIN)
                .requestMatchers(ApiSecurity.reads("/api/matching/municipalities/*",
                        "/api/matching/municipalities/*/similar")).permitAll()
                .anyRequest().authenticated());
        return ApiSecurity.apply(http, handlers).build();
    }
}
