package de.stadtretter.portal.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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
    public record Actors(String lead, List<String> stakeholders, List<UUID> partnerIds) {

        public Actors {
            stakeholders = stakeholders == null ? List.of() : stakeholders;
            partnerIds = partnerIds == null ? List.of() : partnerIds;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String role, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String title, String url) {}

    /** A revision of a published case that waits (status DRAFT, SUBMITTED or CHANGES_REQUESTED). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PendingRevision(String status, long version, Instant updatedAt, Instant submittedAt) {}

    /**
     * A case as catalog-service shows it to the caller (the contact only to logged-in members; the review comment and
     * the pending revision only to the owner organisation and the Redaktion).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseDetail(UUID id, String title, String teaser, String ags, String ownerOrganisation,
            Municipality municipality,
            List<String> topics, List<String> tags, String projectStatus, LocalDate startDate, LocalDate endDate,
            String problem, String objectives, String approach, String implementation, String resources,
            String results, String lessons, String transferability, Budget budget, List<String> fundingProgrammes,
            Integer durationMonths, List<Indicator> indicators, Actors actors, List<CasePartner> partners,
            Contact contact, List<Link> links, String status, String reviewComment, PendingRevision pendingRevision, long helpfulCount, long version,
            Instant createdAt, Instant updatedAt, Instant submittedAt, Instant publishedAt) {

        public CaseDetail {
            topics = topics == null ? List.of() : topics;
            tags = tags == null ? List.of() : tags;
            fundingProgrammes = fundingProgrammes == null ? List.of() : fundingProgrammes;
            indicators = indicators == null ? List.of() : indicators;
            links = links == null ? List.of() : links;
            partners = partners == null ? List.of() : partners;
        }
    }

    /** A verified partner whose work on the case the Kommune confirmed (partner-service's references). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CasePartner(UUID id, String name, String role) {}

    /** A page of {@code GET /api/catalog/cases}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseList(List<CaseDetail> items, int page, int size, long totalItems) {

        public CaseList {
            items = items == null ? List.of() : items;
        }
    }

    /**
     * A pending revision with the case as it will read once published ({@code revisedCase}), the fields in which it
     * differs from the published case, and the Redaktion's comment if it was returned.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(UUID caseId, String status, long version, long basedOn, List<String> changedFields,
            String reviewComment, Instant submittedAt, @JsonProperty("case") CaseDetail revisedCase) {

        public Revision {
            changedFields = changedFields == null ? List.of() : changedFields;
        }
    }

    /** One step of a case's workflow history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String action, String fromStatus, String toStatus, Instant occurredAt, String comment,
            List<String> changedFields) {

        public HistoryEntry {
            changedFields = changedFields == null ? List.of() : changedFields;
        }
    }

    /** A topic of the reference list ({@code GET /api/catalog/topics} names the German label {@code label_de}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Topic(String id, @JsonProperty("label_de") String labelDe) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Helpful(long helpfulCount, boolean helpful) {}

    /** What the portal writes: the body of {@code POST /api/catalog/cases} and of the PUTs of a case or revision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseWrite(String title, String teaser, String ags, List<String> topics, List<String> tags,
            String projectStatus, LocalDate startDate, LocalDate endDate, String problem, String objectives,
            String approach, String implementation, String resources, String results, String lessons,
            String transferability, Budget budget, List<String> fundingProgrammes, Integer durationMonths,
            List<Indicator> indicators, Actors actors, Contact contact, List<Link> links, Long version) {}

    private CatalogModels() {
    }
}
