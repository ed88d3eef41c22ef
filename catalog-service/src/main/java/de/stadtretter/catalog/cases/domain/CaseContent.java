package de.stadtretter.catalog.cases.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.validator.constraints.UniqueElements;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import de.stadtretter.kit.web.validation.HttpUrl;

/**
 * Everything a Kommune or the Redaktion writes about a case — the whole record except its place (the AGS) and
 * its workflow. Lists are never {@code null} (empty instead); every other part but title, teaser and topics is
 * optional. The nested records carry their own validation rules, used where a request contains them.
 *
 * @param sections the eight text sections, plain text with paragraphs (never interpreted as HTML)
 * @param contact personal data: shown only to logged-in members, never in events, exports or logs
 */
public record CaseContent(
        String title,
        String teaser,
        List<String> topics,
        List<String> tags,
        ProjectStatus projectStatus,
        LocalDate startDate,
        LocalDate endDate,
        Sections sections,
        Budget budget,
        List<String> fundingProgrammes,
        Integer durationMonths,
        List<Indicator> indicators,
        Actors actors,
        Contact contact,
        List<Link> links) {

    public CaseContent {
        topics = List.copyOf(topics);
        tags = tags == null ? List.of() : List.copyOf(tags);
        fundingProgrammes = fundingProgrammes == null ? List.of() : List.copyOf(fundingProgrammes);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        links = links == null ? List.of() : List.copyOf(links);
        sections = sections == null ? Sections.EMPTY : sections;
    }

    /** The names (as in the API) of the fields in which {@code other} differs from this content, in API order. */
    public List<String> changedFields(CaseContent other) {
        Sections o = other.sections();
        Map<String, Boolean> differs = new LinkedHashMap<>();
        differs.put("title", !Objects.equals(title, other.title));
        differs.put("teaser", !Objects.equals(teaser, other.teaser));
        differs.put("topics", !Objects.equals(topics, other.topics));
        differs.put("tags", !Objects.equals(tags, other.tags));
        differs.put("projectStatus", !Objects.equals(projectStatus, other.projectStatus));
        differs.put("startDate", !Objects.equals(startDate, other.startDate));
        differs.put("endDate", !Objects.equals(endDate, other.endDate));
        differs.put("problem", !Objects.equals(sections.problem(), o.problem()));
        differs.put("objectives", !Objects.equals(sections.objectives(), o.objectives()));
        differs.put("approach", !Objects.equals(sections.approach(), o.approach()));
        differs.put("implementation", !Objects.equals(sections.implementation(), o.implementation()));
        differs.put("resources", !Objects.equals(sections.resources(), o.resources()));
        differs.put("results", !Objects.equals(sections.results(), o.results()));
        differs.put("lessons", !Objects.equals(sections.lessons(), o.lessons()));
        differs.put("transferability", !Objects.equals(sections.transferability(), o.transferability()));
        differs.put("budget", !Objects.equals(budget, other.budget));
        differs.put("fundingProgrammes", !Objects.equals(fundingProgrammes, other.fundingProgrammes));
        differs.put("durationMonths", !Objects.equals(durationMonths, other.durationMonths));
        differs.put("indicators", !sameIndicators(indicators, other.indicators));
        differs.put("actors", !Objects.equals(actors, other.actors));
        differs.put("contact", !Objects.equals(contact, other.contact));
        differs.put("links", !Objects.equals(links, other.links));
        return differs.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** Indicator values compare by number, not by scale (28.6 = 28.60). */
    private static boolean sameIndicators(List<Indicator> a, List<Indicator> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Indicator x = a.get(i);
            Indicator y = b.get(i);
            if (!Objects.equals(x.name(), y.name()) || !Objects.equals(x.unit(), y.unit())
                    || !Objects.equals(x.measuredAt(), y.measuredAt()) || !sameNumber(x.before(), y.before())
                    || !sameNumber(x.after(), y.after())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    /** Only the parts the first version of the API knew. */
    public static CaseContent basic(String title, String teaser, List<String> topics) {
        return new CaseContent(title, teaser, topics, List.of(), null, null, null, Sections.EMPTY, null, List.of(),
                null, List.of(), null, null, List.of());
    }

    /**
     * The text sections, each at most 20,000 characters.
     *
     * @param problem Ausgangslage und Anforderungen
     * @param approach Herangehensweise
     * @param implementation Umsetzung
     * @param resources Kosten, Förderung, Personal
     * @param lessons Lernerfahrungen und Stolpersteine: what did not work and what they would do differently
     * @param transferability Übertragbarkeit: preconditions and what must be adapted elsewhere
     */
    public record Sections(String problem, String objectives, String approach, String implementation,
            String resources, String results, String lessons, String transferability) {
        public static final Sections EMPTY = new Sections(null, null, null, null, null, null, null, null);
    }

    /** A budget range in whole euros. */
    public record Budget(@PositiveOrZero Long minEur, @PositiveOrZero Long maxEur) {}

    /** A measured effect, e.g. Leerstandsquote in %, 28.6 before and 4.1 after. */
    public record Indicator(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 30) String unit,
            @DecimalMin("-1000000000000") @DecimalMax("1000000000000") BigDecimal before,
            @DecimalMin("-1000000000000") @DecimalMax("1000000000000") BigDecimal after,
            LocalDate measuredAt) {}

    /**
     * Who carried the project.
     *
     * @param partnerIds partner organisations (partner-service ids) that took part
     */
    public record Actors(
            @Size(max = 200) String lead,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> stakeholders,
            @Size(max = 20) @UniqueElements List<@NotNull UUID> partnerIds) {

        public Actors {
            stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
            partnerIds = partnerIds == null ? List.of() : List.copyOf(partnerIds);
        }
    }

    /** The contact person (personal data). */
    public record Contact(
            @Size(max = 120) String name,
            @Size(max = 120) String role,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "^[0-9 +()/.\\-]{3,40}$", message = "must be a phone number (digits, spaces, + ( ) / . -)")
            String phone) {}

    /** A link to more about the case (http or https only). */
    public record Link(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) @HttpUrl String url) {}
}
