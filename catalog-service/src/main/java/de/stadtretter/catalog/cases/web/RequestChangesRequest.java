package de.stadtretter.catalog.cases.web;

import de.stadtretter.kit.web.text.MultilineText;
import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/catalog/cases/{id}/request-changes}: what the Kommune should change. */
public record RequestChangesRequest(@Size(max = 2000) @MultilineText String comment) {}
