package de.stadtretter.matching.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import de.stadtretter.kit.security.ApiSecurity;
import de.stadtretter.kit.security.ProblemSecurityHandlers;

/** Probes and metrics are open; every API call needs a valid token. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return ApiSecurity.membersOnly(http, handlers);
    }
}
