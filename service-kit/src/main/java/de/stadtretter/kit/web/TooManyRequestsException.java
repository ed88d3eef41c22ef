package de.stadtretter.kit.web;

import java.time.Duration;

/** A limit per sender or recipient is reached: answered with 429 and {@code Retry-After} (whole seconds). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
