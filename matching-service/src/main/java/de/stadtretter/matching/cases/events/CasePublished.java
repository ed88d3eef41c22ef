package de.stadtretter.matching.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * matching-service's own view of catalog-service's {@code de.stadtretter.catalog.case.published.v1} event: what
 * it needs to match cases to needs (topics) and to towns like the owner's (AGS, Land).
 */
public record CasePublished(UUID caseId, String ags, String stateCode, List<String> topics, Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";
}
