package de.stadtretter.portal.partners;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** partner-service's answers as the portal reads them (unknown fields are ignored). */
public final class PartnerModels {

    private PartnerModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Directory(long totalItems, int page, int size, List<DirectoryItem> items,
            Map<String, List<FacetValue>> facets) {

        public List<FacetValue> facet(String name) {
            return facets == null ? List.of() : facets.getOrDefault(name, List.of());
        }

        public int pages() {
            return size == 0 ? 0 : (int) Math.min(500, (totalItems + size - 1) / size);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DirectoryItem(UUID id, String name, String description, List<String> topics, List<String> regions,
            int confirmedReferences, double score, List<Evidence> evidence) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(UUID caseId, String title, String municipality, String role) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FacetValue(String value, String label, long count) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(UUID id, String status, String name, String legalForm, String description, String website,
            String logoUrl, List<String> topics, List<String> regions, String size, Contact contact,
            List<Offering> offerings, int confirmedReferences, List<Reference> references, String reviewComment,
            boolean demo, long version, Instant createdAt, Instant updatedAt, Instant verifiedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offering(UUID id, String title, String description, List<String> topics, List<String> regions,
            String priceModel) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(UUID id, UUID partnerId, String partnerName, UUID caseId, String caseTitle, String ags,
            String municipality, String role, String status, Instant claimedAt, boolean claimedOnBehalf,
            Instant decidedAt, boolean decidedOnBehalf) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnerList(List<Partner> items, int page, int size, long totalItems) {}

    /** What the self-service form writes ({@code version} only when editing). */
    public record ProfileWrite(String name, String legalForm, String description, String website, List<String> topics,
            List<String> regions, String size, ContactWrite contact, Long version) {}

    public record ContactWrite(String name, String email, String phone) {}

    public record OfferingWrite(String title, String description, List<String> topics, List<String> regions,
            String priceModel) {}
}
