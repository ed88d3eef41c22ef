package de.stadtretter.catalog.search.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.catalog.search.query.CaseSearch;
import de.stadtretter.catalog.search.query.CaseSuggestions;
import de.stadtretter.catalog.search.query.SearchRequest;
import de.stadtretter.catalog.search.query.SearchResult;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.web.FieldProblems;
import de.stadtretter.kit.web.ServerTiming;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/** The German full-text search over the published catalogue, with facets, highlights and autocomplete. */
@RestController
@RequestMapping("/api/catalog/search")
@Validated
public class SearchController {

    static final int MAX_QUERY_LENGTH = 200;
    private static final Set<String> PROJECT_STATUSES = Set.of("PLANNED", "RUNNING", "COMPLETED");

    private final CaseSearch search;
    private final CaseSuggestions suggestions;
    private final ReferenceData referenceData;
    private final Timer searchTimer;
    private final Timer suggestTimer;

    public SearchController(CaseSearch search, CaseSuggestions suggestions, ReferenceData referenceData,
            MeterRegistry meters) {
        this.search = search;
        this.suggestions = suggestions;
        this.referenceData = referenceData;
        this.searchTimer = timer(meters, "search");
        this.suggestTimer = timer(meters, "suggest");
    }

    /** Time inside the service for one search or suggestion (Lucene, facets, highlights), with percentiles. */
    private static Timer timer(MeterRegistry meters, String kind) {
        return Timer.builder("stadtretter.search").tag("kind", kind)
                .description("Catalogue search inside catalog-service").publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    @GetMapping
    public SearchResult search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> topic,
            @RequestParam(required = false) List<String> land,
            @RequestParam(required = false) List<String> townType,
            @RequestParam(required = false) List<String> projectStatus,
            @RequestParam(required = false) @PositiveOrZero Long budgetMax,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedTo,
            @RequestParam(required = false) Boolean hasLessons,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(9_999) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "true") boolean highlight,
            HttpServletResponse response) {
        FieldProblems errors = new FieldProblems();
        errors.checkLength("q", q, MAX_QUERY_LENGTH);
        List<String> topics = values(topic);
        topics.stream().filter(t -> !referenceData.isTopic(t)).findFirst()
                .ifPresent(t -> errors.add("topic", "is not an id from the topic list"));
        List<String> laender = values(land).stream().map(l -> l.toUpperCase(Locale.ROOT)).toList();
        laender.stream().filter(l -> !search.landCodes().containsKey(l)).findFirst()
                .ifPresent(l -> errors.add("land", "must be a state code such as BY, NW or SH"));
        List<String> townTypes = values(townType);
        townTypes.stream().filter(t -> !referenceData.townTypes().containsKey(t)).findFirst()
                .ifPresent(t -> errors.add("townType", "must be a BBSR town type code (11, 12, 21, 22, 30, 40, 50)"));
        List<String> statuses = values(projectStatus);
        statuses.stream().filter(s -> !PROJECT_STATUSES.contains(s)).findFirst()
                .ifPresent(s -> errors.add("projectStatus", "must be PLANNED, RUNNING or COMPLETED"));
        if (startedFrom != null && startedTo != null && startedTo.isBefore(startedFrom)) {
            errors.add("startedTo", "must not be before startedFrom");
        }
        SearchRequest.Sort order = null;
        if (sort != null && !sort.isBlank()) {
            try {
                order = SearchRequest.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("sort", "must be relevance, newest or helpful");
            }
        }
        if ((long) (page + 1) * size > SearchRequest.MAX_WINDOW) {
            errors.add("page", "page × size must stay within the first " + SearchRequest.MAX_WINDOW + " results");
        }
        errors.throwIfAny();
        SearchRequest request = new SearchRequest(q, topics, laender, townTypes, statuses, budgetMax, startedFrom,
                startedTo, hasLessons, order, page, size, highlight);
        return ServerTiming.timed(searchTimer, "search", response, () -> search.search(request));
    }

    /** Up to ten completions of what was typed: topics, places and titles of published cases. */
    @GetMapping("/suggest")
    public SuggestResponse suggest(@RequestParam(required = false) String q, HttpServletResponse response) {
        FieldProblems errors = new FieldProblems();
        errors.checkLength("q", q, MAX_QUERY_LENGTH);
        errors.throwIfAny();
        return new SuggestResponse(q == null || q.isBlank() ? List.of()
                : ServerTiming.timed(suggestTimer, "suggest", response, () -> suggestions.suggest(q)));
    }

    public record SuggestResponse(List<CaseSuggestions.Suggestion> suggestions) {}

    /** Repeated parameters and comma-separated lists both work: {@code topic=a&topic=b} or {@code topic=a,b}. */
    private static List<String> values(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String value : raw) {
                for (String part : value.split(",")) {
                    if (!part.isBlank() && !out.contains(part.strip())) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }
}
