package de.stadtretter.gateway.config;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A service that cannot be reached (refused, or its name unknown, as while it is redeployed) is 503 Service Unavailable for the client (as problem+json), not a 500. */
@Configuration(proxyBeanMethods = false)
class UpstreamErrorsConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    GlobalFilter upstreamUnavailable() {
        return (exchange, chain) -> chain.filter(exchange)
                .onErrorMap(e -> hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class),
                        e -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                                "The service behind this path is not available right now; please try again later."));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
