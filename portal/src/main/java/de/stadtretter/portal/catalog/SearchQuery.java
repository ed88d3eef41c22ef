package de.stadtretter.portal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a visitor searches for, as it stands in the portal's URL ({@code /suche?q=…&topic=…}): the same parameter
 * names as the catalogue API, so a search page can be shared and the back button works. Values the portal does not
 * know are dropped here (the service would refuse them), so an old or edited link still shows a page.
 */
public record SearchQuery(String q, List<String> topic, List<String> land, List<String> townType,
        List<String> projectStatus, Long budgetMax, boolean hasLessons, String sort, int page) {

    public static final int PAGE_SIZE = 10;
    public static final int MAX_QUERY_LENGTH = 200;
    static final Set<String> SORTS = Set.of("relevance", "newest", "helpful");
    static final Set<String> STATUSES = Set.of("PLANNED", "RUNNING", "COMPLETED");

    public SearchQuery {
        q = q == null ? "" : q.strip();
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
            q = q.substring(0, q.offsetByCodePoints(0, MAX_QUERY_LENGTH));
        }
        topic = clean(topic, v -> v.matches("[a-z0-9-]{1,40}"));
        land = clean(land, v -> v.matches("[A-Za-z]{2}")).stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
        townType = clean(townType, v -> v.matches("[0-9]{2}"));
        projectStatus = clean(projectStatus, STATUSES::contains);
        budgetMax = budgetMax == null || budgetMax < 0 ? null : budgetMax;
        sort = sort == null || !SORTS.contains(sort) ? null : sort;
        page = Math.max(0, Math.min(page, 999));
    }

    private static List<String> clean(List<String> values, java.util.function.Predicate<String> valid) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                for (String part : v.split(",")) {
                    String p = part.strip();
                    if (valid.test(p) && !out.contains(p) && out.size() < 20) {
                        out.add(p);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    public boolean isEmpty() {
        return q.isEmpty() && topic.isEmpty() && land.isEmpty() && townType.isEmpty() && projectStatus.isEmpty()
                && budgetMax == null && !hasLessons;
    }

    public boolean hasFilters() {
        return !topic.isEmpty() || !land.isEmpty() || !townType.isEmpty() || !projectStatus.isEmpty()
                || budgetMax != null || hasLessons;
    }

    /** The parameters for the URL (without defaults), in a stable order. */
    public MultiValueMap<String, String> parameters() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        if (!q.isEmpty()) {
            p.add("q", q);
        }
        topic.forEach(v -> p.add("topic", v));
        land.forEach(v -> p.add("land", v));
        townType.forEach(v -> p.add("townType", v));
        projectStatus.forEach(v -> p.add("projectStatus", v));
        if (budgetMax != null) {
            p.add("budgetMax", budgetMax.toString());
        }
        if (hasLessons) {
            p.add("hasLessons", "true");
        }
        if (sort != null) {
            p.add("sort", sort);
        }
        if (page > 0) {
            p.add("page", Integer.toString(page));
        }
        return p;
    }

    /** The portal's URL of this search, encoded. */
    public String url() {
        return UriComponentsBuilder.fromPath("/suche").queryParams(parameters()).encode().build().toUriString();
    }

    public SearchQuery withPage(int newPage) {
        return new SearchQuery(q, topic, land, townType, projectStatus, budgetMax, hasLessons, sort, newPage);
    }

    public boolean selected(String dimension, String value) {
        return switch (dimension) {
            case "topic" -> topic.contains(value);
            case "land" -> land.contains(value);
            case "townType" -> townType.contains(value);
            case "projectStatus" -> projectStatus.contains(value);
            case "budget" -> value.equals(String.valueOf(budgetMax));
            default -> false;
        };
    }
}
