package de.stadtretter.partner.directory.query;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer of {@code GET /api/partners/search}. */
public record DirectoryResult(long totalItems, int page, int size, List<Item> items, Map<String, List<FacetValue>> facets) {

    /** A profile found, with its strongest evidence (at most {@value DirectorySearch#EVIDENCE_SHOWN} references). */
    public record Item(UUID id, String name, String description, List<String> topics, List<String> regions,
            int confirmedReferences, double score, List<EvidenceItem> evidence) {}

    public record EvidenceItem(UUID caseId, String title, String municipality, String role) {}

    /** How many profiles of the result (under the other filter) have this value. */
    public record FacetValue(String value, String label, long count) {}
}
