package de.stadtretter.catalog.cases.domain;

import de.stadtretter.kit.web.ConflictException;

/** The requested workflow step or edit is not possible in the case's current status (answered with 409). */
public class CaseStateException extends ConflictException {

    public CaseStateException(String message) {
        super(message);
    }
}
