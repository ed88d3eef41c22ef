package de.stadtretter.kit.web;

/** The request is well-formed but clashes with the current state of the resource: answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
