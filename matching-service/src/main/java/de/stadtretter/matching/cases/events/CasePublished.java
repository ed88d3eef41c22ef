package de.stadtretter.matching.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.stadtretter.kit.web.text.MultilineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * matching-service's own view of catalog-service's {@code de.stadtretter.catalog.case.published.v1} event: what
 * it needs to match cases to needs (topics and the public text of the case) and to towns like the owner's (AGS,
 * Land, size). Data that breaks the constraints is dead-lettered at once.
 */
public record CasePublished(@NotNull UUID caseId, @NotBlank String title, @MultilineText String teaser, @NotBlank String ags,
        String municipalityName, String stateCode, Municipality municipality, @NotEmpty List<@NotBlank String> topics,
        List<String> tags, @MultilineText String problem, @MultilineText String objectives, @MultilineText String approach, @MultilineText String implementation,
        @MultilineText String resources, @MultilineText String results, @MultilineText String lessons, @MultilineText String transferability, @NotNull Instant publishedAt) {

    public static final String TYPE = "de.stadtretter.catalog.case.published.v1";
    /** A published revision: the same data (the case's public projection), read into the same record. */
    public static final String UPDATED_TYPE = "de.stadtretter.catalog.case.updated.v1";

    /** The owner town as the catalogue saw it (population and BBSR town type for the size fit). */
    public record Municipality(String name, Long population, String townType) {}

    public CasePublished {
        tags = tags == null ? List.of() : tags;
    }
}
