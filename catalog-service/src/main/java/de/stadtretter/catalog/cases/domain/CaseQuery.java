package de.stadtretter.catalog.cases.domain;

/**
 * A page of the case list; {@code topic} and {@code status} are optional filters, {@code page} counts from 0;
 * {@code ownOnly} keeps only the cases of the caller's own organisation ("Meine Praxisbeispiele").
 */
public record CaseQuery(String topic, CaseStatus status, int page, int size, boolean ownOnly) {

    public CaseQuery(String topic, CaseStatus status, int page, int size) {
        this(topic, status, page, size, false);
    }
}
