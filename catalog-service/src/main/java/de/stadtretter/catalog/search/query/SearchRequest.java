package de.stadtretter.catalog.search.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A search in the published catalogue. Lists are never null; values within one facet are alternatives ("or"),
 * different facets and filters all apply ("and").
 *
 * @param q what the user typed; null or blank for all cases
 * @param budgetMax only cases whose budget (its upper end) is at most this many euros
 * @param startedFrom only cases that started on or after this day
 * @param hasLessons true: only cases that tell what did not work
 * @param highlight false: no highlighted passages (for lists that show none, e.g. similar cases)
 */
public record SearchRequest(
        String q,
        List<String> topics,
        List<String> laender,
        List<String> townTypes,
        List<String> projectStatuses,
        Long budgetMax,
        LocalDate startedFrom,
        LocalDate startedTo,
        Boolean hasLessons,
        Sort sort,
        int page,
        int size,
        boolean highlight) {

    /** Deepest result a search pages to (page × size), as search engines do to keep deep paging cheap. */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort { RELEVANCE, NEWEST, HELPFUL }

    public SearchRequest(String q, List<String> topics, List<String> laender, List<String> townTypes,
            List<String> projectStatuses, Long budgetMax, LocalDate startedFrom, LocalDate startedTo,
            Boolean hasLessons, Sort sort, int page, int size) {
        this(q, topics, laender, townTypes, projectStatuses, budgetMax, startedFrom, startedTo, hasLessons, sort, page,
                size, true);
    }

    public SearchRequest {
        topics = topics == null ? List.of() : List.copyOf(topics);
        laender = laender == null ? List.of() : List.copyOf(laender);
        townTypes = townTypes == null ? List.of() : List.copyOf(townTypes);
        projectStatuses = projectStatuses == null ? List.of() : List.copyOf(projectStatuses);
        q = q == null || q.isBlank() ? null : q.strip();
    }

    public static SearchRequest text(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, null, null, null, 0, 10);
    }

    /** The sort actually used: relevance with a query, newest first without one unless asked otherwise. */
    public Sort effectiveSort() {
        if (sort == null || (sort == Sort.RELEVANCE && q == null)) {
            return q == null ? Sort.NEWEST : Sort.RELEVANCE;
        }
        return sort;
    }
}
