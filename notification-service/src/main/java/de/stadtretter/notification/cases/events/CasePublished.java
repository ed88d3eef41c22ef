package de.stadtretter.notification.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import de.stadtretter.kit.events.MalformedEventException;

/**
 * This service's reading of {@code de.stadtretter.catalog.case.published.v1} (producer: catalog-service, topic
 * {@code catalog.case.v1}). Only the fields it needs; unknown ones are ignored (v1 grows additively).
 * {@code municipalityName} and {@code stateCode} may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CasePublished(
        UUID caseId,
        String title,
        String teaser,
        String ags,
        String municipalityName,
        String stateCode,
        List<String> topics,
        Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";

    /** Data that lacks what a mail needs can never be processed: it goes to the dead-letter topic at once. */
    public CasePublished requireComplete(String eventId) {
        if (caseId == null || isBlank(title) || isBlank(teaser) || topics == null || topics.isEmpty()
                || topics.stream().anyMatch(CasePublished::isBlank)) {
            throw new MalformedEventException("Event " + eventId + " lacks caseId, title, teaser or topics");
        }
        return this;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
