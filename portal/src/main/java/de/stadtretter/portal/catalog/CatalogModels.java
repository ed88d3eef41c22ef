package de.stadtretter.portal.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The portal's own records of what catalog-service answers (only the fields the pages show; unknown fields are
 * ignored, so the service may add fields without breaking the portal).
 */
public final class CatalogModels {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Municipality(String ags, String name, String districtName, String stateCode, String stateName,
            Long population, String townType) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(Long minEur, Long maxEur) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FacetValue(String value, String label, long count) {}

    /** One hit of a search: the case's summary and, per text field that matched, HTML-escaped passages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseSummary(UUID id, String title, String teaser, Municipality municipality, List<String> topics,
            List<String> tags, String projectStatus, LocalDate startDate, LocalDate endDate, Budget budget,
            boolean hasLessons, long helpfulCount, Instant publishedAt, Map<String, List<String>> highlights) {

        public CaseSummary {
            topics = topics == null ? List.of() : topics;
            tags = tags == null ? List.of() : tags;
            highlights = highlights == null ? Map.of() : highlights;
        }
    }

    /** A page of search results with the facet counts of every dimension. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SearchPage(long totalItems, int page, int size, List<CaseSummary> items,
            Map<String, List<FacetValue>> facets) {

        public SearchPage {
            items = items == null ? List.of() : items;
            facets = facets == null ? Map.of() : facets;
        }

        public List<FacetValue> facet(String dimension) {
            return facets.getOrDefault(dimension, List.of());
        }

        public int pages() {
            return size <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String name, String unit, BigDecimal before, BigDecimal after, LocalDate measuredAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actors(String lead, List<String> stakeholders) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String role, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String title, String url) {}

    /** A case as catalog-service shows it to the caller (the contact only to logged-in members). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseDetail(UUID id, String title, String teaser, Municipality municipality, List<String> topics,
            List<String> tags, String projectStatus, LocalDate startDate, LocalDate endDate, String problem,
            String objectives, String approach, String implementation, String resources, String results,
            String lessons, String transferability, Budget budget, List<String> fundingProgrammes,
            Integer durationMonths, List<Indicator> indicators, Actors actors, Contact contact, List<Link> links,
            String status, long helpfulCount, Instant publishedAt, Instant updatedAt) {

        public CaseDetail {
            topics = topics == null ? List.of() : topics;
            tags = tags == null ? List.of() : tags;
            fundingProgrammes = fundingProgrammes == null ? List.of() : fundingProgrammes;
            indicators = indicators == null ? List.of() : indicators;
            links = links == null ? List.of() : links;
        }
    }

    private CatalogModels() {
    }
}
