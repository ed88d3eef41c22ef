package de.stadtretter.partner.cases.events;

import java.time.Instant;
import java.util.UUID;

/**
 * partner-service's own view of catalog-service's {@code de.stadtretter.catalog.case.published.v1} event: only
 * what it needs to know which published cases exist (to check partner references against them later).
 */
public record CasePublished(UUID caseId, String title, String ags, Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";
}
