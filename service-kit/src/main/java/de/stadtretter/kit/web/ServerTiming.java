package de.stadtretter.kit.web;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletResponse;

/** Time inside the service, per request: recorded in a Micrometer timer and told in a {@code Server-Timing} header. */
public final class ServerTiming {

    private ServerTiming() {
    }

    /**
     * Runs {@code work}, records its time in {@code timer} and tells it in a {@code Server-Timing} header (W3C Server
     * Timing, milliseconds): clients and benchmarks see the time inside the service per request.
     */
    public static <T> T timed(Timer timer, String metric, HttpServletResponse response, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        long nanos = System.nanoTime() - start;
        timer.record(nanos, TimeUnit.NANOSECONDS);
        response.setHeader("Server-Timing", String.format(Locale.ROOT, "%s;dur=%.3f", metric, nanos / 1e6));
        return result;
    }
}
