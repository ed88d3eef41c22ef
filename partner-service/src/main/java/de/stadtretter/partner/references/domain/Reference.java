package de.stadtretter.partner.references.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner's claim to have worked on a published case, with the town's decision. {@code claimedOnBehalf} and
 * {@code decidedOnBehalf} say that the Redaktion entered the claim for the company or decided for the town.
 * The case's title, AGS and topics are partner-service's copy from {@code catalog.case.v1}; they are {@code null}
 * (topics empty) once the case left the catalogue.
 */
public record Reference(UUID id, UUID partnerId, String partnerName, UUID caseId, String role, ReferenceStatus status, String claimedBy,
        boolean claimedOnBehalf, Instant claimedAt, String decidedBy, boolean decidedOnBehalf, Instant decidedAt,
        String caseTitle, String caseAgs, List<String> caseTopics, Instant casePublishedAt) {

    public Reference {
        caseTopics = caseTopics == null ? List.of() : List.copyOf(caseTopics);
    }

    public boolean confirmed() {
        return status == ReferenceStatus.CONFIRMED;
    }
}
