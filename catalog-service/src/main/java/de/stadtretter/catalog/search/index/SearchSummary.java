package de.stadtretter.catalog.search.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.catalog.cases.domain.ProjectStatus;

/**
 * A published case as search results and lists show it: what a reader needs to decide whether to open it. Kept in
 * the index beside the searchable text (no contact data, like everything in the index).
 *
 * @param hasLessons whether the case tells what did not work (Lernerfahrungen)
 */
public record SearchSummary(
        UUID id,
        String title,
        String teaser,
        String ags,
        Municipality municipality,
        List<String> topics,
        List<String> tags,
        ProjectStatus projectStatus,
        LocalDate startDate,
        LocalDate endDate,
        CaseContent.Budget budget,
        boolean hasLessons,
        long helpfulCount,
        Instant publishedAt) {

    /** The municipality of the case, from the reference data (same fields as in the case response). */
    public record Municipality(String ags, String name, String districtName, String stateCode, String stateName,
            Long population, String townType) {}

    static SearchSummary of(Case c, Place place) {
        CaseContent content = c.content();
        String lessons = content.sections().lessons();
        return new SearchSummary(c.id(), c.title(), c.teaser(), c.ags(),
                new Municipality(c.ags(), place.municipalityName(), place.districtName(), place.stateCode(),
                        place.stateName(), place.population(), place.townType()),
                c.topics(), content.tags(), content.projectStatus(), content.startDate(), content.endDate(),
                content.budget(), lessons != null && !lessons.isBlank(), c.helpfulCount(), c.publishedAt());
    }
}
