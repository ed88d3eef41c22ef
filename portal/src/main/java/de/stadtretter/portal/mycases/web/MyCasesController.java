package de.stadtretter.portal.mycases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.Topic;
import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.web.Ids;

/**
 * "Meine Praxisbeispiele" of a Kommune: the list with status and the Redaktion's comments, the form in four steps
 * (each step saves the draft), the check page and the submission. A published case is edited as a revision: the
 * published text stays online until the Redaktion publishes the revision.
 */
@Controller
@RequestMapping("/meine-praxisbeispiele")
class MyCasesController {

    static final String BASE = "/meine-praxisbeispiele";
    private static final int PAGE_SIZE = 50;

    private final EditorialClient editorial;
    private final CatalogClient catalog;

    MyCasesController(EditorialClient editorial, CatalogClient catalog) {
        this.editorial = editorial;
        this.catalog = catalog;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") String page, Model model) {
        int pageNumber = Ids.page(page);
        model.addAttribute("cases", editorial.mine(pageNumber - 1, PAGE_SIZE));
        model.addAttribute("pageNumber", pageNumber);
        return "mycases/list";
    }

    @GetMapping("/neu")
    String newCase(Model model) {
        return step(model, CaseFormSteps.BASICS, CaseForm.empty(), null, Map.of());
    }

    @PostMapping("/neu")
    String create(HttpServletRequest request, @AuthenticationPrincipal OidcUser user, Model model,
            RedirectAttributes flash) {
        CaseForm form = CaseForm.empty();
        CaseFormSteps.BASICS.bind(form, request);
        Map<String, String> errors = CaseFormCheck.check(CaseFormSteps.BASICS, form, topicIds());
        if (!errors.isEmpty()) {
            return step(model, CaseFormSteps.BASICS, form, null, errors);
        }
        CaseDetail created;
        try {
            created = editorial.create(form.toWrite(user.getClaimAsString("organisation"), null));
        } catch (EditorialClient.Rejected e) {
            return step(model, CaseFormSteps.BASICS, form, null, serviceErrors(e, CaseFormSteps.BASICS));
        }
        flash.addFlashAttribute("saved", "Ihr Entwurf ist angelegt. Sie können ihn jederzeit weiter bearbeiten.");
        return "redirect:" + BASE + "/" + created.id() + "/schritt/2";
    }

    @GetMapping("/{id}/schritt/{n}")
    String showStep(@PathVariable String id, @PathVariable String n, @AuthenticationPrincipal OidcUser user,
            Model model) {
        CaseFormSteps step = step(n);
        Editing editing = editable(Ids.uuid(id), user);
        return step(model, step, editing.form(), editing, Map.of());
    }

    @PostMapping("/{id}/schritt/{n}")
    String saveStep(@PathVariable String id, @PathVariable String n, @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "weiter") String aktion, HttpServletRequest request,
            @AuthenticationPrincipal OidcUser user, Model model, RedirectAttributes flash) {
        CaseFormSteps step = step(n);
        UUID caseId = Ids.uuid(id);
        Editing editing = editable(caseId, user);
        if (!String.valueOf(editing.version()).equals(version)) {
            return changedMeanwhile(caseId, step, flash);
        }
        CaseForm form = editing.form();
        step.bind(form, request);
        // only the first step holds the topics: the topic list is asked for there only
        Map<String, String> errors = CaseFormCheck.check(step, form,
                step == CaseFormSteps.BASICS ? topicIds() : Set.of());
        if (!errors.isEmpty()) {
            return step(model, step, form, editing, errors);
        }
        try {
            if (editing.revision()) {
                editorial.saveRevision(caseId, form.toWrite(null, editing.version()));
            } else {
                editorial.edit(caseId, form.toWrite(null, editing.version()));
            }
        } catch (EditorialClient.Rejected e) {
            return step(model, step, form, editing, serviceErrors(e, step));
        } catch (EditorialClient.Conflict e) {
            return changedMeanwhile(caseId, step, flash);
        }
        flash.addFlashAttribute("saved", "Ihre Angaben sind gespeichert.");
        return switch (aktion) {
            case "zurueck" -> "redirect:" + stepUrl(caseId, Math.max(1, step.number - 1));
            case "speichern" -> "redirect:" + stepUrl(caseId, step.number);
            default -> step.number == CaseFormSteps.COUNT ? "redirect:" + BASE + "/" + caseId + "/pruefen"
                    : "redirect:" + stepUrl(caseId, step.number + 1);
        };
    }

    @GetMapping("/{id}/pruefen")
    String review(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        Editing editing = editable(Ids.uuid(id), user);
        model.addAttribute("editing", editing);
        model.addAttribute("c", editing.shown());
        model.addAttribute("steps", CaseFormSteps.all());
        model.addAttribute("topicLabels", topicLabels());
        return "mycases/review";
    }

    @PostMapping("/{id}/einreichen")
    String submit(@PathVariable String id, @RequestParam(defaultValue = "") String version,
            @AuthenticationPrincipal OidcUser user, RedirectAttributes flash) {
        UUID caseId = Ids.uuid(id);
        Editing editing = editable(caseId, user);
        try {
            if (!String.valueOf(editing.version()).equals(version)) {
                throw new EditorialClient.Conflict();
            }
            editorial.step(caseId, editing.revision() ? "revision/submit" : "submit", editing.version(), null);
        } catch (EditorialClient.Conflict e) {
            flash.addFlashAttribute("problem", "Das Praxisbeispiel wurde inzwischen geändert. Bitte prüfen Sie die "
                    + "aktuelle Fassung und reichen Sie sie dann ein.");
            return "redirect:" + BASE + "/" + caseId + "/pruefen";
        }
        flash.addFlashAttribute("saved", "Vielen Dank! „" + editing.shown().title() + "“ liegt jetzt der Redaktion "
                + "zur Prüfung vor. Sie sehen hier, sobald sie es veröffentlicht oder um Änderungen bittet.");
        return "redirect:" + BASE;
    }

    @ExceptionHandler(NotEditable.class)
    String notEditable(HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("problem", "Dieses Praxisbeispiel liegt der Redaktion zur "
                + "Prüfung vor oder ist archiviert. Sie können es erst wieder bearbeiten, wenn die Redaktion "
                + "entschieden hat.");
        return "redirect:" + BASE;
    }

    private String step(Model model, CaseFormSteps step, CaseForm form, Editing editing, Map<String, String> errors) {
        model.addAttribute("step", step);
        model.addAttribute("steps", CaseFormSteps.all());
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("topics", step == CaseFormSteps.BASICS ? catalog.topics() : java.util.List.of());
        model.addAttribute("action", editing == null ? BASE + "/neu" : stepUrl(editing.id(), step.number));
        return "mycases/step";
    }

    /**
     * The case the member may edit: a draft or a case returned with changes, or a published case (whose revision is
     * edited) of their own organisation. Another organisation's case is a 404, as if it did not exist.
     */
    private Editing editable(UUID id, OidcUser user) {
        CaseDetail c = editorial.get(id);
        String organisation = user.getClaimAsString("organisation");
        if (organisation == null || !organisation.equals(c.ownerOrganisation())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return switch (c.status()) {
            case "DRAFT", "CHANGES_REQUESTED" -> new Editing(id, c, false, c.version(), c.reviewComment(), c);
            case "PUBLISHED" -> {
                if (c.pendingRevision() == null) {
                    yield new Editing(id, c, true, c.version(), null, c);
                }
                var revision = editorial.revision(id);
                if ("SUBMITTED".equals(revision.status())) {
                    throw new NotEditable(id);
                }
                yield new Editing(id, c, true, revision.version(), revision.reviewComment(), revision.revisedCase());
            }
            default -> throw new NotEditable(id);
        };
    }

    private static String changedMeanwhile(UUID id, CaseFormSteps step, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", "Das Praxisbeispiel wurde inzwischen an anderer Stelle geändert. Sie sehen "
                + "jetzt die aktuelle Fassung; bitte tragen Sie Ihre Änderungen dieses Schritts erneut ein.");
        return "redirect:" + stepUrl(id, step.number);
    }

    /** What catalog-service rejected, by form field, in German (the portal's own checks should have caught it). */
    private static Map<String, String> serviceErrors(EditorialClient.Rejected e, CaseFormSteps step) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().keySet().forEach(field -> {
            String id = CaseFormCheck.fieldId(field);
            CaseFormSteps on = CaseFormCheck.stepOf(id);
            errors.putIfAbsent(id, on == null || on == step
                    ? "Diese Angabe wurde nicht angenommen. Bitte prüfen Sie Inhalt und Länge."
                    : "Eine Angabe in Schritt " + on.number + " („" + on.title + "“) wurde nicht angenommen. "
                            + "Bitte prüfen Sie sie dort.");
        });
        if (errors.isEmpty()) {
            errors.put("title", "Ihre Angaben wurden nicht angenommen. Bitte prüfen Sie sie.");
        }
        return errors;
    }

    private Set<String> topicIds() {
        return catalog.topics().stream().map(Topic::id).collect(Collectors.toSet());
    }

    private Map<String, String> topicLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        catalog.topics().forEach(t -> labels.put(t.id(), t.labelDe()));
        return labels;
    }

    private static CaseFormSteps step(String n) {
        CaseFormSteps step = n.matches("^[1-9]$") ? CaseFormSteps.number(Integer.parseInt(n)) : null;
        if (step == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return step;
    }

    static String stepUrl(UUID id, int step) {
        return BASE + "/" + id + "/schritt/" + step;
    }

    /**
     * A case being edited.
     *
     * @param revision whether the changes go into a revision of the published case
     * @param version the version the next save is based on (the revision's, or the case's)
     * @param reviewComment the Redaktion's request for changes, if any
     * @param shown the case as the member's changes make it read
     */
    record Editing(UUID id, CaseDetail saved, boolean revision, long version, String reviewComment,
            CaseDetail shown) {

        CaseForm form() {
            return CaseForm.of(shown);
        }
    }

    /** A case the member may not change now (submitted, or archived): shown with a note on the list. */
    static final class NotEditable extends RuntimeException {

        final transient UUID id;

        NotEditable(UUID id) {
            super("case " + id + " cannot be edited now", null, false, false);
            this.id = id;
        }
    }
}
