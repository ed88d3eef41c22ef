package de.stadtretter.catalog.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.catalog.cases.domain.CaseStatus;
import de.stadtretter.catalog.cases.domain.ProjectStatus;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.catalog.partners.domain.CasePartners;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * A case as the API shows it, with the place derived from the reference data. {@code municipalityName},
 * {@code districtName}, {@code stateCode} and {@code stateName} stay for the clients of the first API version;
 * {@code municipality} holds them together with population and town type. {@code reviewComment} and
 * {@code pendingRevision} (a revision waiting to be published) are shown to the owner and editors only.
 */
public record CaseResponse(
        UUID id,
        String title,
        String teaser,
        String ags,
        String municipalityName,
        String districtName,
        String stateCode,
        String stateName,
        Municipality municipality,
        String ownerOrganisation,
        List<String> topics,
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
        CaseContent.Actors actors,
        List<CasePartners.CasePartner> partners,
        CaseContent.Contact contact,
        List<CaseContent.Link> links,
        CaseStatus status,
        String reviewComment,
        CaseRepository.RevisionSummary pendingRevision,
        long helpfulCount,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant publishedAt) {

    /**
     * The municipality of the case, derived on every read from the reference data.
     *
     * @param townType the BBSR town type code (see gemeindetypen.csv), by population
     */
    public record Municipality(String ags, String name, String districtName, String stateCode, String stateName,
            Long population, String townType) {}

    /**
     * @param withContact whether the caller may see the contact person (logged-in members only)
     * @param forOwner whether the caller owns or edits the case (sees the Redaktion's review comment)
     */
    static CaseResponse of(Case c, ReferenceData referenceData, boolean withContact, boolean forOwner) {
        return of(c, referenceData, withContact, forOwner, null, List.of());
    }

    /**
     * @param pendingRevision shown to the owner and editors only
     * @param partners the verified partners whose work on the case the town confirmed (partner-service's
     *        references; {@code actors.partnerIds} stay as entered)
     */
    static CaseResponse of(Case c, ReferenceData referenceData, boolean withContact, boolean forOwner,
            CaseRepository.RevisionSummary pendingRevision, List<CasePartners.CasePartner> partners) {
        CaseContent content = c.content();
        CaseContent.Sections s = content.sections();
        Place place = Place.of(c.ags(), referenceData);
        Municipality municipality = new Municipality(c.ags(), place.municipalityName(), place.districtName(),
                place.stateCode(), place.stateName(), place.population(), place.townType());
        return new CaseResponse(c.id(), c.title(), c.teaser(), c.ags(), place.municipalityName(),
                place.districtName(), place.stateCode(), place.stateName(), municipality, c.ownerOrganisation(),
                c.topics(), content.tags(), content.projectStatus(), content.startDate(), content.endDate(),
                s.problem(), s.objectives(), s.approach(), s.implementation(), s.resources(), s.results(),
                s.lessons(), s.transferability(), content.budget(), content.fundingProgrammes(),
                content.durationMonths(), content.indicators(), content.actors(), partners,
                withContact ? content.contact() : null, content.links(),
                c.status(), forOwner ? c.reviewComment() : null, forOwner ? pendingRevision : null, c.helpfulCount(),
                c.version(), c.createdAt(), c.updatedAt(), c.submittedAt(), c.publishedAt());
    }
}
