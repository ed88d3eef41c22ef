package de.stadtretter.gateway.config;

import org.springframework.cloud.gateway.filter.factory.SecureHeadersProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.WebFilter;

/**
 * The routes get their security headers from the SecureHeaders default filter; this gives the portal's own
 * pages and assets (everything not under /api/) the same headers, from the same settings.
 */
@Configuration(proxyBeanMethods = false)
class PortalHeadersConfig {

    @Bean
    WebFilter portalSecurityHeaders(SecureHeadersProperties properties) {
        return (exchange, chain) -> {
            if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", properties.getContentSecurityPolicy());
                headers.set("X-Content-Type-Options", properties.getContentTypeOptions());
                headers.set("X-Frame-Options", properties.getFrameOptions());
                headers.set("Referrer-Policy", properties.getReferrerPolicy());
                headers.set("Permissions-Policy", properties.getPermissionsPolicy());
            }
            return chain.filter(exchange);
        };
    }
}
