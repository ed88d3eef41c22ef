package de.stadtretter.gateway.limits;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.stadtretter.gateway.problems.GatewayProblems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Token buckets per client address and rule (Bucket4j), kept in memory and dropped when unused (Caffeine). An
 * exhausted bucket answers 429 problem+json with {@code Retry-After}. With several gateway replicas each one
 * counts on its own; a shared limit needs a shared store (Bucket4j's JDBC or Redis proxy managers, or Spring Cloud
 * Gateway's RedisRateLimiter).
 */
public class RateLimitFilter implements WebFilter, Ordered {

    private record CompiledRule(String method, PathPattern path, int capacity, Duration period) {}

    private final List<CompiledRule> rules;
    private final RemoteAddressResolver addresses;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(RateLimitProperties properties) {
        this.rules = properties.rules().stream().map(r -> new CompiledRule(r.method().toUpperCase(java.util.Locale.ROOT),
                PathPatternParser.defaultInstance.parse(r.path()), r.capacity(), r.period())).toList();
        this.addresses = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() { };
        Duration longest = rules.stream().map(CompiledRule::period).max(Duration::compareTo).orElse(Duration.ofHours(1));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(200_000).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            if (rule.method().equals(exchange.getRequest().getMethod().name())
                    && rule.path().matches(exchange.getRequest().getPath().pathWithinApplication())) {
                InetSocketAddress client = addresses.resolve(exchange);
                String who = client == null || client.getAddress() == null ? "unknown"
                        : client.getAddress().getHostAddress();
                Bucket bucket = buckets.get(i + "|" + who, k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(rule.capacity())
                                .refillGreedy(rule.capacity(), rule.period()).build())
                        .build());
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return GatewayProblems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests of this kind from your address; please try again in " + seconds
                                    + " seconds.");
                }
                exchange.getResponse().getHeaders().set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
                break;
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
