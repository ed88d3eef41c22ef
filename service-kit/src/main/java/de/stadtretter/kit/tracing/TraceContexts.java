package de.stadtretter.kit.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across the places where work waits in a table: the outbox (written in a request, sent later by
 * the relay) and the mail queues (written by a consumer, sent later by a dispatcher). The W3C {@code traceparent}
 * of the current span is stored with the row; the later step continues the trace in a child span of it.
 * Without tracing (no tracer, or not sampled) every method does nothing and the work runs as it is.
 */
public class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C traceparent of the current span, or null when there is none. */
    public String current() {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null || p == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts a span as a child of {@code traceParent} (null: nothing to continue, returns null). The caller ends it;
     * {@link #headers(Span)} gives what to send on to the next service.
     */
    public Span startChild(String traceParent, String name, Span.Kind kind) {
        Propagator p = propagator.getIfAvailable();
        if (traceParent == null || p == null || tracer.getIfAvailable() == null) {
            return null;
        }
        return p.extract(Map.of(TRACEPARENT, traceParent), (Map<String, String> c, String key) -> c.get(key))
                .name(name).kind(kind).start();
    }

    /** The propagation headers (traceparent, tracestate, baggage) of {@code span}. */
    public Map<String, String> headers(Span span) {
        Map<String, String> carrier = new HashMap<>();
        Propagator p = propagator.getIfAvailable();
        if (span != null && p != null) {
            p.inject(span.context(), carrier, Map::put);
        }
        return carrier;
    }

    /** Runs {@code work} in a child span of {@code traceParent} (or without one when it is null). */
    public <T> T inChild(String traceParent, String name, Span.Kind kind, Supplier<T> work) {
        Span span = startChild(traceParent, name, kind);
        if (span == null) {
            return work.get();
        }
        try (Tracer.SpanInScope scope = tracer.getObject().withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
