package de.stadtretter.catalog.cases.web;

import java.util.List;

/** A page of the case list; {@code page} counts from 0. */
public record CaseListResponse(List<CaseResponse> items, int page, int size, long totalItems) {}
