package de.stadtretter.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import de.stadtretter.gateway.problems.GatewayProblemException;
import de.stadtretter.gateway.problems.GatewayProblems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's body limit for every request: 413 problem+json at once when {@code Content-Length} is over it, and
 * as soon as a body without a length (chunked) grows past it, before more of it reaches a service.
 */
public class BodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public BodyLimitFilter(DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long announced = request.getHeaders().getContentLength();
        if (announced > maxBytes) {
            return GatewayProblems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, detail());
        }
        if (announced >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // a known length within the limit, or no body at all
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new GatewayProblemException(HttpStatus.CONTENT_TOO_LARGE, detail());
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private String detail() {
        return "The request body is larger than the " + (maxBytes / 1024) + " KB the gateway accepts.";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
