package de.stadtretter.portal.cases.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.CaseSummary;
import de.stadtretter.portal.catalog.SearchQuery;

/** The page of one case: every section, the lessons set apart, indicators, the municipality, similar cases. */
@Controller
class CasePageController {

    static final int SIMILAR = 3;

    private final CatalogClient catalog;

    CasePageController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/praxisbeispiele/{id}")
    String show(@PathVariable String id, Model model) {
        UUID caseId = uuid(id);
        CaseDetail detail = catalog.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("c", detail);
        model.addAttribute("similar", similar(detail));
        return "cases/detail";
    }

    /** Published cases on the same topics, best first, without the case itself. */
    private List<CaseSummary> similar(CaseDetail detail) {
        if (detail.topics().isEmpty()) {
            return List.of();
        }
        SearchQuery query = new SearchQuery(String.join(" ", detail.tags()), detail.topics().subList(0, 1), null,
                null, null, null, false, null, 0);
        return catalog.search(query, SIMILAR + 1).items().stream().filter(s -> !s.id().equals(detail.id()))
                .limit(SIMILAR).toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
