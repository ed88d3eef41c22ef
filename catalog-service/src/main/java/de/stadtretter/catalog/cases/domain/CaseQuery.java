package de.stadtretter.catalog.cases.domain;

/** A page of the case list; {@code topic} and {@code status} are optional filters, {@code page} counts from 0. */
public record CaseQuery(String topic, CaseStatus status, int page, int size) {}
