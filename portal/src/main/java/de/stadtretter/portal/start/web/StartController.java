package de.stadtretter.portal.start.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.FacetValue;
import de.stadtretter.portal.catalog.CatalogModels.SearchPage;
import de.stadtretter.portal.map.LaenderMap;

/** The start page: the search field, the newest cases, the topics and the map of the Länder with their counts. */
@Controller
class StartController {

    static final int NEWEST = 6;

    private final CatalogClient catalog;
    private final LaenderMap map;

    StartController(CatalogClient catalog, LaenderMap map) {
        this.catalog = catalog;
        this.map = map;
    }

    @GetMapping("/")
    String start(Model model) {
        SearchPage overview = catalog.overview(NEWEST);
        Map<String, Long> perLand = overview.facet("land").stream()
                .collect(Collectors.toMap(FacetValue::value, FacetValue::count, Long::sum));
        model.addAttribute("overview", overview);
        model.addAttribute("topics", overview.facet("topic"));
        model.addAttribute("map", map);
        model.addAttribute("perLand", perLand);
        model.addAttribute("maxPerLand", perLand.values().stream().mapToLong(Long::longValue).max().orElse(0));
        return "start";
    }
}
