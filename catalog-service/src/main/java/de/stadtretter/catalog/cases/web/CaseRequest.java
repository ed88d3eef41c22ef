package de.stadtretter.catalog.cases.web;

import java.time.LocalDate;
import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.ProjectStatus;
import de.stadtretter.kit.web.text.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/catalog/cases} (needs {@code ags}) and {@code PUT /api/catalog/cases/{id}} (needs the
 * {@code version} it was based on; the AGS of a case does not change). Everything but title, teaser, topics and
 * those two is optional. Text is plain text: nothing is ever interpreted as HTML.
 */
@ConsistentCase
public record CaseRequest(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 300) String teaser,
        @NotNull(groups = OnCreate.class) @MunicipalityKey String ags,
        @NotEmpty @Size(max = 4) @UniqueElements @TopicIds List<String> topics,
        @Size(max = 10) @UniqueElements List<@NotBlank @Size(max = 40) String> tags,
        ProjectStatus projectStatus,
        LocalDate startDate,
        LocalDate endDate,
        @MultilineText @Size(max = 20_000) String problem,
        @MultilineText @Size(max = 20_000) String objectives,
        @MultilineText @Size(max = 20_000) String approach,
        @MultilineText @Size(max = 20_000) String implementation,
        @MultilineText @Size(max = 20_000) String resources,
        @MultilineText @Size(max = 20_000) String results,
        @MultilineText @Size(max = 20_000) String lessons,
        @MultilineText @Size(max = 20_000) String transferability,
        @Valid CaseContent.Budget budget,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> fundingProgrammes,
        @PositiveOrZero @Max(600) Integer durationMonths,
        @Size(max = 20) List<CaseContent.@NotNull @Valid Indicator> indicators,
        @Valid CaseContent.Actors actors,
        @Valid CaseContent.Contact contact,
        @Size(max = 20) List<CaseContent.@NotNull @Valid Link> links,
        @NotNull(groups = OnUpdate.class) @PositiveOrZero Long version) {

    /** Validation group of the rules that only creating a case has. */
    public interface OnCreate {}

    /** Validation group of the rules that only editing a case has. */
    public interface OnUpdate {}

    CaseContent content() {
        return new CaseContent(title, teaser, topics, tags, projectStatus, startDate, endDate,
                new CaseContent.Sections(problem, objectives, approach, implementation, resources, results, lessons,
                        transferability),
                budget, fundingProgrammes, durationMonths, indicators, actors, contact, links);
    }
}
