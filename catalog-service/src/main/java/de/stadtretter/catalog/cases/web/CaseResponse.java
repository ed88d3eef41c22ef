package de.stadtretter.catalog.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseStatus;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.kit.reference.ReferenceData;

/** A case as the API shows it, with the place derived from the reference data where it is known. */
public record CaseResponse(
        UUID id,
        String title,
        String teaser,
        String ags,
        String municipalityName,
        String districtName,
        String stateCode,
        String stateName,
        String ownerOrganisation,
        List<String> topics,
        CaseStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant publishedAt) {

    static CaseResponse of(Case c, ReferenceData referenceData) {
        Place place = Place.of(c.ags(), referenceData);
        return new CaseResponse(c.id(), c.title(), c.teaser(), c.ags(), place.municipalityName(),
                place.districtName(), place.stateCode(), place.stateName(), c.ownerOrganisation(), c.topics(),
                c.status(), c.version(), c.createdAt(), c.updatedAt(), c.submittedAt(), c.publishedAt());
    }
}
