package de.stadtretter.gateway.problems;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers — unknown path, wrong method, malformed request, body too large, service
 * down — as problem+json, replacing Spring Boot's JSON error map. Details are fixed texts, except those the
 * gateway wrote itself ({@link GatewayProblemException}); nothing of an exception's message reaches the client.
 */
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String detail = null;
        if (ex instanceof GatewayProblemException own) {
            status = own.getStatusCode();
            detail = own.getReason();
        } else if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
        } else if (hasCause(ex, TimeoutException.class)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError() && !(ex instanceof GatewayProblemException)) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        }
        exchange.getResponse().getHeaders().remove("Content-Length");
        return GatewayProblems.write(exchange.getResponse(), status, detail);
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
