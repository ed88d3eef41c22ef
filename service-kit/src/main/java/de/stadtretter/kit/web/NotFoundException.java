package de.stadtretter.kit.web;

/** An id the client named does not exist (or is not visible to it): answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
