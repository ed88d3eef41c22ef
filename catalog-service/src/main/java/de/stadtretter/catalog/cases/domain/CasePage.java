package de.stadtretter.catalog.cases.domain;

import java.util.List;

/** One page of cases and how many match in total. */
public record CasePage(List<Case> items, int page, int size, long totalItems) {}
