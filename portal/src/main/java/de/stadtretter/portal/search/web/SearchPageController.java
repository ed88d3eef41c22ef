package de.stadtretter.portal.search.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.SearchPage;
import de.stadtretter.portal.catalog.SearchQuery;

/**
 * The search page: results with highlights, facets with counts, sort and pages. Everything a visitor chose stands in
 * the URL, so a search can be shared and the back button works; the page needs no JavaScript.
 */
@Controller
class SearchPageController {

    /** The facet dimensions in the order of the page, with their German headings. */
    record Dimension(String name, String heading) {}

    static final List<Dimension> DIMENSIONS = List.of(new Dimension("topic", "Thema"),
            new Dimension("land", "Land"), new Dimension("townType", "Stadt- und Gemeindetyp"),
            new Dimension("projectStatus", "Projektstand"), new Dimension("budget", "Budget"));

    private final CatalogClient catalog;

    SearchPageController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/suche")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> topic,
            @RequestParam(required = false) List<String> land, @RequestParam(required = false) List<String> townType,
            @RequestParam(required = false) List<String> projectStatus,
            @RequestParam(required = false) String budgetMax,
            @RequestParam(required = false) String hasLessons, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, Model model) {
        SearchQuery query = new SearchQuery(q, topic, land, townType, projectStatus, number(budgetMax),
                "true".equals(hasLessons), sort, pageIndex(page));
        SearchPage result = catalog.search(query, SearchQuery.PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("dimensions", DIMENSIONS);
        model.addAttribute("sorts", List.of("relevance", "newest", "helpful"));
        // the pages around the current one (0-based), for the page navigation
        int last = Math.min(result.pages(), 1_000) - 1;
        model.addAttribute("pageNumbers", java.util.stream.IntStream.rangeClosed(Math.max(0, query.page() - 2),
                Math.min(last, query.page() + 2)).boxed().toList());
        return "search/results";
    }

    /** Suggestions for the search field's script; the page works without them. */
    @GetMapping(path = "/suche/vorschlaege", produces = "application/json")
    @ResponseBody
    Map<String, Object> suggestions(@RequestParam(defaultValue = "") String q) {
        String typed = q.strip();
        if (typed.length() < 2 || typed.length() > 100) {
            return Map.of("suggestions", List.of());
        }
        return catalog.suggest(typed);
    }

    /** The 0-based page of the 1-based page number in the URL (the first page for none or a wrong one). */
    private static int pageIndex(String page) {
        Long number = number(page);
        return number == null || number < 1 ? 0 : (int) Math.min(number - 1, Integer.MAX_VALUE);
    }

    /** A number from the URL, or null when it is none (an edited link still shows a page). */
    private static Long number(String value) {
        return value != null && value.matches("[0-9]{1,12}") ? Long.valueOf(value) : null;
    }
}
