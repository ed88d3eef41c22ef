package de.stadtretter.kit.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The parts of a service's security that are the same everywhere: stateless bearer-token resource server,
 * problem+json for 401/403, open health and metrics endpoints, no sessions and so no CSRF tokens.
 * Each service adds its own rules for its API before calling {@link #apply}.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public static HttpSecurity apply(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers));
    }

    /**
     * The whole chain of a service whose API is for signed-in users only: probes and metrics open, every other
     * request needs a valid token.
     */
    public static SecurityFilterChain membersOnly(HttpSecurity http, ProblemSecurityHandlers handlers)
            throws Exception {
        return apply(http, handlers)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicInfrastructurePaths()).permitAll()
                        .requestMatchers(OPERATOR_PATHS).hasRole(CurrentUser.ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * Matches GET and HEAD requests to {@code patterns}: what is public to read is public to HEAD as well
     * (a HEAD is a GET without the body; Spring MVC answers it with the GET handler).
     */
    public static RequestMatcher reads(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, pattern));
        }
        return new OrRequestMatcher(matchers);
    }

    /**
     * The rest of the actuator (the request mappings, for operators and the end-to-end bad-input guard): admins
     * only. Every service puts this right after {@link #publicInfrastructurePaths()}.
     */
    public static final String OPERATOR_PATHS = "/actuator/**";

    /** Paths every service leaves open: probes, metrics scraping and the error page. */
    public static String[] publicInfrastructurePaths() {
        return new String[] {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/error"};
    }
}
