package de.stadtretter.catalog.cases.events;

import java.time.Instant;
import java.util.UUID;

/** The data of CaseArchived v1 (schema in resources/events/catalog.case.v1/). */
public record CaseArchivedV1(UUID caseId, Instant archivedAt) {}
