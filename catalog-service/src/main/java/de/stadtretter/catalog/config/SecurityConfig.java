package de.stadtretter.catalog.config;

import static de.stadtretter.kit.security.CurrentUser.ADMIN;
import static de.stadtretter.kit.security.CurrentUser.KOMMUNE;
import static de.stadtretter.kit.security.CurrentUser.REDAKTION;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.ProblemSecurityHandlers;

/**
 * Published cases and the topic list are public; writing needs a role. Ownership (a Kommune changes only its own
 * organisation's cases) is checked per case in {@code CaseService}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String CASES = "/api/catalog/cases";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(ApiSecurity.publicInfrastructurePaths()).permitAll()
                .requestMatchers(ApiSecurity.OPERATOR_PATHS).hasRole(ADMIN)
                .requestMatchers("/api/catalog/admin/**").hasRole(ADMIN)
                .requestMatchers(ApiSecurity.reads(CASES, CASES + "/*", CASES + "/*/helpful", "/api/catalog/topics", "/api/catalog/export",
                        "/api/catalog/search", "/api/catalog/search/suggest", "/api/catalog/v3/api-docs",
                        "/api/catalog/v3/api-docs/**"))
                        .permitAll()
                .requestMatchers(HttpMethod.POST, CASES).hasAnyRole(KOMMUNE, REDAKTION, ADMIN)
                .requestMatchers(HttpMethod.PUT, CASES + "/*").hasAnyRole(KOMMUNE, REDAKTION, ADMIN)
                .requestMatchers(HttpMethod.PUT, CASES + "/*/revision").hasAnyRole(KOMMUNE, REDAKTION, ADMIN)
                .requestMatchers(HttpMethod.POST, CASES + "/*/submit", CASES + "/*/archive",
                        CASES + "/*/revision/submit").hasAnyRole(KOMMUNE, REDAKTION, ADMIN)
                .requestMatchers(HttpMethod.POST, CASES + "/*/publish", CASES + "/*/request-changes",
                        CASES + "/*/revision/publish", CASES + "/*/revision/request-changes")
                        .hasAnyRole(REDAKTION, ADMIN)
                .anyRequest().authenticated());
        return ApiSecurity.apply(http, handlers).build();
    }
}
