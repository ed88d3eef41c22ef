package de.stadtretter.kit.web;

import java.util.List;

/** Checks beyond Bean Validation (reference data, cross-field rules) that failed: answered with 400 naming the fields. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<ApiProblems.FieldProblem> errors;

    public InvalidFieldsException(List<ApiProblems.FieldProblem> errors) {
        super("Invalid fields: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new ApiProblems.FieldProblem(field, message)));
    }

    public List<ApiProblems.FieldProblem> errors() {
        return errors;
    }
}
