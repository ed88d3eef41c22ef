package de.stadtretter.portal.review.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.Revision;
import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.web.Ids;
import de.stadtretter.portal.web.Labels;

/**
 * The Redaktion's pages: the queue (oldest first), a case under review with its history and, for a revision, what
 * it changes; publish, request changes with a comment, archive. Only for the roles redaktion and admin (see
 * {@code SecurityConfig}); catalog-service checks every decision again.
 */
@Controller
@RequestMapping("/redaktion")
class ReviewController {

    static final String BASE = "/redaktion";
    private static final int PAGE_SIZE = 50;
    static final int COMMENT_MAX = 2000;

    private final EditorialClient editorial;
    private final CatalogClient catalog;
    private final Labels labels;

    ReviewController(EditorialClient editorial, CatalogClient catalog, Labels labels) {
        this.editorial = editorial;
        this.catalog = catalog;
        this.labels = labels;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "1") String page, Model model) {
        int pageNumber = Ids.page(page);
        model.addAttribute("cases", editorial.queue(pageNumber - 1, PAGE_SIZE));
        model.addAttribute("pageNumber", pageNumber);
        return "review/queue";
    }

    @GetMapping("/praxisbeispiele/{id}")
    String show(@PathVariable String id, Model model) {
        return page(Ids.uuid(id), model, "", Map.of());
    }

    @PostMapping("/praxisbeispiele/{id}/veroeffentlichen")
    String publish(@PathVariable String id, @RequestParam(defaultValue = "") String version,
            RedirectAttributes flash) {
        UUID caseId = Ids.uuid(id);
        return decide(caseId, version, "publish", null, flash,
                "„%s“ ist veröffentlicht und in der Suche zu finden.");
    }

    @PostMapping("/praxisbeispiele/{id}/aenderungen-erbitten")
    String requestChanges(@PathVariable String id, @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "") String kommentar, Model model, RedirectAttributes flash) {
        UUID caseId = Ids.uuid(id);
        String comment = kommentar.strip();
        if (comment.isEmpty() || comment.length() > COMMENT_MAX) {
            return page(caseId, model, kommentar, Map.of("kommentar", comment.isEmpty()
                    ? "Bitte schreiben Sie der Kommune, was sie ändern soll."
                    : "Bitte fassen Sie sich kürzer (höchstens 2.000 Zeichen)."));
        }
        return decide(caseId, version, "request-changes", comment, flash,
                "„%s“ ist mit Ihrem Kommentar an die Kommune zurückgegangen.");
    }

    @PostMapping("/praxisbeispiele/{id}/archivieren")
    String archive(@PathVariable String id, @RequestParam(defaultValue = "") String version,
            RedirectAttributes flash) {
        UUID caseId = Ids.uuid(id);
        CaseDetail c = editorial.get(caseId);
        try {
            if (!String.valueOf(c.version()).equals(version)) {
                throw new EditorialClient.Conflict();
            }
            editorial.step(caseId, "archive", c.version(), null);
        } catch (EditorialClient.Conflict e) {
            return changedMeanwhile(caseId, flash);
        }
        flash.addFlashAttribute("saved", "„" + c.title() + "“ ist archiviert: nicht mehr in Listen und Suche, "
                + "unter seiner Adresse weiter erreichbar.");
        return "redirect:" + BASE;
    }

    /** Publishes or returns what waits for review: the case itself, or its submitted revision. */
    private String decide(UUID id, String version, String step, String comment, RedirectAttributes flash,
            String done) {
        CaseDetail c = editorial.get(id);
        boolean revision = "PUBLISHED".equals(c.status()) && c.pendingRevision() != null
                && "SUBMITTED".equals(c.pendingRevision().status());
        long current = revision ? c.pendingRevision().version() : c.version();
        try {
            if (!revision && !"SUBMITTED".equals(c.status()) || !String.valueOf(current).equals(version)) {
                throw new EditorialClient.Conflict();
            }
            editorial.step(id, (revision ? "revision/" : "") + step, current, comment);
        } catch (EditorialClient.Conflict e) {
            return changedMeanwhile(id, flash);
        }
        flash.addFlashAttribute("saved", String.format(done, c.title()));
        return "redirect:" + BASE;
    }

    private String page(UUID id, Model model, String comment, Map<String, String> errors) {
        CaseDetail c = editorial.get(id);
        Revision revision = c.pendingRevision() != null ? editorial.revision(id) : null;
        Map<String, String> topicLabels = new LinkedHashMap<>();
        catalog.topics().forEach(t -> topicLabels.put(t.id(), t.labelDe()));
        boolean reviewRevision = revision != null && "SUBMITTED".equals(revision.status());
        model.addAttribute("c", c);
        model.addAttribute("revision", revision);
        model.addAttribute("shown", reviewRevision ? revision.revisedCase() : c);
        model.addAttribute("changes", revision == null ? List.of()
                : ChangedFields.of(revision.changedFields(), c, revision.revisedCase(), labels, topicLabels));
        model.addAttribute("underReview", "SUBMITTED".equals(c.status()) || reviewRevision);
        model.addAttribute("decisionVersion", reviewRevision ? revision.version() : c.version());
        model.addAttribute("history", editorial.history(id).reversed());
        model.addAttribute("shownTopics", String.join(", ", (reviewRevision ? revision.revisedCase() : c).topics()
                .stream().map(t -> topicLabels.getOrDefault(t, t)).toList()));
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        return "review/case";
    }

    private static String changedMeanwhile(UUID id, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", "Das Praxisbeispiel wurde inzwischen geändert oder ist schon entschieden. "
                + "Bitte prüfen Sie den aktuellen Stand.");
        return "redirect:" + BASE + "/praxisbeispiele/" + id;
    }
}
