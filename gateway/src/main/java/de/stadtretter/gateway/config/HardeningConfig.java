package de.stadtretter.gateway.config;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilter;

import de.stadtretter.gateway.headers.SecurityHeadersFilter;
import de.stadtretter.gateway.headers.SecurityHeadersProperties;
import de.stadtretter.gateway.limits.BodyLimitFilter;
import de.stadtretter.gateway.limits.RateLimitFilter;
import de.stadtretter.gateway.limits.RateLimitProperties;
import de.stadtretter.gateway.problems.DecoderFailureHandler;
import de.stadtretter.gateway.problems.ProblemErrorHandler;
import reactor.netty.NettyPipeline;

/**
 * What the gateway does to every request before routing and to every answer: security headers, the body limit,
 * per-client rate limits of the public write endpoints, and problem+json for every error it answers itself —
 * including requests Netty cannot decode.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityHeadersProperties.class, RateLimitProperties.class})
class HardeningConfig {

    @Bean
    SecurityHeadersFilter securityHeadersFilter(SecurityHeadersProperties properties) {
        return new SecurityHeadersFilter(properties);
    }

    @Bean
    BodyLimitFilter bodyLimitFilter(@Value("${stadtretter.gateway.max-body-size:1MB}") DataSize maxBodySize) {
        return new BodyLimitFilter(maxBodySize);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties) {
        return new RateLimitFilter(properties);
    }

    /**
     * HEAD behaves like GET for the portal's own pages too (the welcome page is mapped for GET only). WebFlux drops
     * the body of a HEAD answer itself, whatever the request became here; /api/** is passed on to the services
     * as HEAD.
     */
    @Bean
    WebFilter headLikeGet() {
        return (exchange, chain) -> HttpMethod.HEAD.equals(exchange.getRequest().getMethod())
                && !exchange.getRequest().getPath().value().startsWith("/api/")
                ? chain.filter(exchange.mutate().request(r -> r.method(HttpMethod.GET)).build())
                : chain.filter(exchange);
    }

    @Bean
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    @Bean
    NettyServerCustomizer decoderFailuresAsProblems(SecurityHeadersProperties properties) {
        Map<String, String> headers = SecurityHeadersFilter.headersFor(properties);
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "stadtretterDecoderFailures",
                        new DecoderFailureHandler(headers));
            } else if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "stadtretterDecoderFailures",
                        new DecoderFailureHandler(headers));
            }
        });
    }
}
