package de.stadtretter.matching.recommendations.domain;

import java.util.List;
import java.util.UUID;

/** What the recommendations answer for a need: four lists, each best first, each item with its German reasons. */
public record Recommendations(List<CaseItem> cases, List<PartnerItem> partners, List<TownItem> municipalities,
        List<NeedItem> needs) {

    /** The town an item comes from. */
    public record Town(String ags, String name) {}

    public record CaseItem(UUID caseId, String title, Town municipality, double score, List<String> reasons) {}

    public record PartnerItem(UUID partnerId, String name, double score, List<String> reasons) {}

    public record TownItem(String ags, String name, double score, List<String> reasons) {}

    public record NeedItem(UUID needId, String title, Town municipality, double score, List<String> reasons) {}

    /** What a need says (saved or only tried): the town it is for, its words and topics; its own id, if saved. */
    public record Request(String ags, String title, String description, List<String> topics, UUID needId) {
        public Request {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    public static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
