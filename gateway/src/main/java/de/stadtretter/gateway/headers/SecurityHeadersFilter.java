package de.stadtretter.gateway.headers;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One place for the security headers of every answer the gateway gives — routed answers of the services, the
 * portal's pages and assets, and every error, also those of the gateway itself. Set just before the answer is
 * committed, so they replace whatever a service sent (one consistent value each, e.g. {@code X-XSS-Protection: 0}).
 * <p>Caching: API answers may carry personal data and are {@code no-store} unless the service chose a policy;
 * the portal's own Cache-Control is kept (pages with personal data are no-store); without one, static assets may be
 * cached for {@code static-max-age} and HTML pages always revalidate.
 */
public class SecurityHeadersFilter implements WebFilter, Ordered {

    private final SecurityHeadersProperties properties;

    public SecurityHeadersFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        String path = exchange.getRequest().getPath().value();
        HttpMethod method = exchange.getRequest().getMethod();
        response.beforeCommit(() -> {
            HttpHeaders h = response.getHeaders();
            headersFor(properties).forEach(h::set);
            h.remove("X-Powered-By");
            h.remove("Server");
            if (!properties.hsts()) {
                h.remove("Strict-Transport-Security");
            }
            boolean ok = response.getStatusCode() == null || response.getStatusCode().is2xxSuccessful()
                    || response.getStatusCode().value() == 304;
            if (path.startsWith("/api/") || !ok || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
                if (!ok || !h.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                    h.set(HttpHeaders.CACHE_CONTROL, "no-store");
                    h.remove(HttpHeaders.EXPIRES);
                    h.remove("Pragma");
                }
            } else if (h.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                // the portal decides for its pages: a page with personal data is no-store, so that the back button
                // shows no private page after the logout
            } else if (isHtml(path)) {
                h.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            } else {
                h.set(HttpHeaders.CACHE_CONTROL, "public, max-age=" + properties.staticMaxAge().toSeconds());
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The fixed security headers (everything but caching), also for answers given outside Spring. */
    public static java.util.Map<String, String> headersFor(SecurityHeadersProperties properties) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Content-Security-Policy", properties.contentSecurityPolicyWithFormActions());
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Permissions-Policy", properties.permissionsPolicy());
        h.put("X-XSS-Protection", "0");
        if (properties.hsts()) {
            h.put("Strict-Transport-Security", "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains");
        }
        return h;
    }

    private static boolean isHtml(String path) {
        return path.equals("/") || path.endsWith(".html") || !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
