package de.stadtretter.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code stadtretter.gateway.rate-limit}: how many requests one client address may send to the
 * public write endpoints (subscribe; later contact forms) before it gets 429.
 *
 * @param trustedProxies how many proxies in front of the gateway append to {@code X-Forwarded-For} (an ingress:
 *        1); 0 uses the connection's address, and a forged header changes nothing
 * @param rules the limited endpoints
 */
@ConfigurationProperties("stadtretter.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("0") int trustedProxies, @DefaultValue List<Rule> rules) {

    /**
     * @param method the HTTP method, e.g. POST
     * @param path a path pattern, e.g. /api/notifications/subscriptions
     * @param capacity requests allowed at once (the burst)
     * @param period the time in which {@code capacity} requests are granted again, evenly spread
     */
    public record Rule(String method, String path, @DefaultValue("5") int capacity,
            @DefaultValue("1h") Duration period) {}
}
