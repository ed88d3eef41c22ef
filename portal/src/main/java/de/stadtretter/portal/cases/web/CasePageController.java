package de.stadtretter.portal.cases.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.CaseSummary;
import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.catalog.Visitor;
import de.stadtretter.portal.catalog.SearchQuery;
import de.stadtretter.portal.web.Ids;

/** The page of one case: every section, the lessons set apart, indicators, the municipality, similar cases. */
@Controller
class CasePageController {

    static final int SIMILAR = 3;

    private final CatalogClient catalog;
    private final EditorialClient editorial;

    CasePageController(CatalogClient catalog, EditorialClient editorial) {
        this.catalog = catalog;
        this.editorial = editorial;
    }

    @GetMapping("/praxisbeispiele/{id}")
    String show(@PathVariable String id, Model model) {
        UUID caseId = Ids.uuid(id);
        CaseDetail detail = catalog.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("c", detail);
        model.addAttribute("similar", similar(detail));
        model.addAttribute("helpful", Visitor.loggedIn() ? editorial.helpful(caseId) : null);
        return "cases/detail";
    }

    /** "Hilfreich" (logged-in members): marks the case, or takes the mark back, and shows the case again. */
    @PostMapping("/praxisbeispiele/{id}/hilfreich")
    String helpful(@PathVariable String id, @RequestParam(defaultValue = "true") String hilfreich,
            RedirectAttributes flash) {
        UUID caseId = Ids.uuid(id);
        boolean mark = !"false".equals(hilfreich);
        editorial.markHelpful(caseId, mark);
        flash.addFlashAttribute("saved", mark ? "Danke! Sie haben dieses Praxisbeispiel als hilfreich markiert."
                : "Ihre Markierung „hilfreich“ ist zurückgenommen.");
        return "redirect:/praxisbeispiele/" + caseId + "#hilfreich";
    }

    /** Published cases on the same topics, best first, without the case itself. */
    private List<CaseSummary> similar(CaseDetail detail) {
        if (detail.topics().isEmpty()) {
            return List.of();
        }
        SearchQuery query = new SearchQuery(String.join(" ", detail.tags()), detail.topics().subList(0, 1), null,
                null, null, null, false, null, 0);
        return catalog.plainSearch(query, SIMILAR + 1).items().stream().filter(s -> !s.id().equals(detail.id()))
                .limit(SIMILAR).toList();
    }
}
