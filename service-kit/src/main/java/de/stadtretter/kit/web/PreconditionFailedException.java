package de.stadtretter.kit.web;

/** An {@code If-Match} precondition of a write did not hold (the resource changed meanwhile): answered with 412. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
