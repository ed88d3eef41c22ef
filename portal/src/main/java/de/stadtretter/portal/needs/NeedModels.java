package de.stadtretter.portal.needs;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** matching-service's needs and recommendations as the portal reads them (unknown fields are ignored). */
public final class NeedModels {

    private NeedModels() {
    }

    /** The body of {@code POST /api/matching/needs} and {@code POST /api/matching/recommendations}. */
    public record NeedWrite(String ags, String title, String description, List<String> topics, String visibility) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(String id, String ags, String municipality, String title, String description,
            List<String> topics, String visibility, String status, long version, Instant createdAt,
            Instant updatedAt, Instant closedAt) {

        public Need {
            topics = topics == null ? List.of() : topics;
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NeedList(List<Need> items) {
        public NeedList {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Town(String ags, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseItem(String caseId, String title, Town municipality, double score, List<String> reasons) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnerItem(String partnerId, String name, double score, List<String> reasons) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TownItem(String ags, String name, double score, List<String> reasons) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NeedItem(String needId, String title, Town municipality, double score, List<String> reasons) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recommendations(List<CaseItem> cases, List<PartnerItem> partners, List<TownItem> municipalities,
            List<NeedItem> needs) {

        public static final Recommendations NONE = new Recommendations(List.of(), List.of(), List.of(), List.of());

        public Recommendations {
            cases = cases == null ? List.of() : cases;
            partners = partners == null ? List.of() : partners;
            municipalities = municipalities == null ? List.of() : municipalities;
            needs = needs == null ? List.of() : needs;
        }

        public boolean isEmpty() {
            return cases.isEmpty() && partners.isEmpty() && municipalities.isEmpty() && needs.isEmpty();
        }
    }
}
