package de.stadtretter.kit.events;

/**
 * A record that can never be processed, however often it is retried (not JSON, no id, data that does not fit
 * the consumer's record). It goes to the dead-letter topic at once.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
