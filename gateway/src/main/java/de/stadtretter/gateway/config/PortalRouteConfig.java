package de.stadtretter.gateway.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Everything that is not {@code /api/**} goes to the portal (its pages, assets, login and logout): the browser sees
 * one origin. The route comes after the services' routes, and an unknown {@code /api} path (or {@code /actuator}, {@code /error})
 * stays the gateway's own problem+json 404 instead of a portal page. The browser's {@code Host} goes along: the portal builds its links and
 * the OAuth2 redirect URI ({@code http://localhost:8080/login/oauth2/code/keycloak} locally) from it; behind an
 * ingress, its {@code X-Forwarded-Proto} reaches the portal unchanged.
 */
@Configuration(proxyBeanMethods = false)
class PortalRouteConfig {

    @Bean
    RouteLocator portalRoute(RouteLocatorBuilder routes, @Value("${stadtretter.services.portal}") String portal) {
        return routes.routes()
                .route("portal", r -> r.order(Ordered.LOWEST_PRECEDENCE)
                        .predicate(exchange -> {
                            String path = exchange.getRequest().getPath().value();
                            return !under(path, "/api") && !under(path, "/actuator") && !under(path, "/error");
                        })
                        // the portal builds its links and the OAuth2 redirect URI from the host the browser used
                        .filters(f -> f.preserveHostHeader())
                        .uri(portal))
                .build();
    }

    /**
     * {@code /api}, {@code /api/…}: the services' paths; {@code /actuator} and {@code /error} (Spring's error
     * dispatch): never public, on no component.
     */
    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
