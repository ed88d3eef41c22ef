package de.stadtretter.catalog.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@value CaseEvents#PUBLISHED_TYPE}; the contract is
 * {@code events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.schema.json}.
 */
public record CasePublishedV1(
        UUID caseId,
        String title,
        String teaser,
        String ags,
        String municipalityName,
        String stateCode,
        List<String> topics,
        Instant publishedAt) {}
