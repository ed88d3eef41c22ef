package de.stadtretter.kit.web;

import java.util.ArrayList;
import java.util.List;

/** The invalid parameters of one request, collected and answered together (400 naming every field). */
public final class FieldProblems {

    private final List<ApiProblems.FieldProblem> found = new ArrayList<>();

    public void add(String field, String message) {
        found.add(new ApiProblems.FieldProblem(field, message));
    }

    /** Adds a problem if {@code value} has more than {@code max} characters (code points). */
    public void checkLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidFieldsException(found);
        }
    }
}
