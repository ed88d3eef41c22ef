package de.stadtretter.catalog.cases.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.catalog.cases.domain.ProjectStatus;

/**
 * The data of CasePublished v1 and CaseUpdated v1: the full public projection of a published case, everything of
 * the case record except the contact person (personal data never leaves the catalogue in events), so that
 * consumers never need to call back. The first eight fields are those of the first CasePublished v1; the rest
 * were added within v1. Contracts: {@code events/catalog.case.v1/*.schema.json}.
 *
 * @param publishedAt when the case was first published
 * @param updatedAt when the published version last changed (the publication itself or a published revision)
 * @param version the case's version after the change, increasing with every change
 */
public record CaseProjectionV1(
        UUID caseId,
        String title,
        String teaser,
        String ags,
        String municipalityName,
        String stateCode,
        List<String> topics,
        Instant publishedAt,
        Municipality municipality,
        List<String> tags,
        ProjectStatus projectStatus,
        LocalDate startDate,
        LocalDate endDate,
        String problem,
        String objectives,
        String approach,
        String implementation,
        String resources,
        String results,
        String lessons,
        String transferability,
        CaseContent.Budget budget,
        List<String> fundingProgrammes,
        Integer durationMonths,
        List<CaseContent.Indicator> indicators,
        Actors actors,
        List<CaseContent.Link> links,
        Instant updatedAt,
        long version) {

    /** The municipality, derived from the reference data as in the case response. */
    public record Municipality(String ags, String name, String districtName, String stateCode, String stateName,
            Long population, String townType) {}

    /** Who carried the project; never null in the event (empty lists instead). */
    public record Actors(String lead, List<String> stakeholders, List<UUID> partnerIds) {}

    static CaseProjectionV1 of(Case c, Place place) {
        CaseContent content = c.content();
        CaseContent.Sections s = content.sections();
        CaseContent.Actors actors = content.actors();
        return new CaseProjectionV1(c.id(), c.title(), c.teaser(), c.ags(), place.municipalityName(),
                place.stateCode(), c.topics(), c.publishedAt(),
                new Municipality(c.ags(), place.municipalityName(), place.districtName(), place.stateCode(),
                        place.stateName(), place.population(), place.townType()),
                content.tags(), content.projectStatus(), content.startDate(), content.endDate(), s.problem(),
                s.objectives(), s.approach(), s.implementation(), s.resources(), s.results(), s.lessons(),
                s.transferability(), content.budget(), content.fundingProgrammes(), content.durationMonths(),
                content.indicators(),
                actors == null ? new Actors(null, List.of(), List.of())
                        : new Actors(actors.lead(), actors.stakeholders(), actors.partnerIds()),
                content.links(), c.updatedAt(), c.version());
    }
}
