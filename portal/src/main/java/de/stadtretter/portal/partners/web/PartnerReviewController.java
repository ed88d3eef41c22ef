package de.stadtretter.portal.partners.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.partners.PartnerClient;
import de.stadtretter.portal.partners.PartnerModels.Partner;
import de.stadtretter.portal.web.Ids;

/**
 * The Redaktion's verification queue of partner profiles ({@code /redaktion/partner}, roles redaktion and admin):
 * oldest first; a profile with everything the company entered; verify, or reject with a comment for the company.
 */
@Controller
@RequestMapping("/redaktion/partner")
class PartnerReviewController {

    static final String BASE = "/redaktion/partner";
    static final int COMMENT_MAX = 2000;

    private final PartnerClient partners;
    private final PartnerVocabulary vocabulary;

    PartnerReviewController(PartnerClient partners, PartnerVocabulary vocabulary) {
        this.partners = partners;
        this.vocabulary = vocabulary;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "1") String page, Model model) {
        int pageNumber = Ids.page(page);
        model.addAttribute("partners", partners.queue("PENDING", pageNumber - 1, 50));
        model.addAttribute("pageNumber", pageNumber);
        return "partners/review-queue";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        return page(Ids.uuid(id), model, "", Map.of());
    }

    @PostMapping("/{id}/freigeben")
    String verify(@PathVariable String id, @RequestParam(defaultValue = "") String version, RedirectAttributes flash) {
        UUID partnerId = Ids.uuid(id);
        Partner p = load(partnerId);
        try {
            partners.review(partnerId, "verify", version(version, p), null);
        } catch (EditorialClient.Conflict e) {
            return changedMeanwhile(partnerId, flash);
        }
        flash.addFlashAttribute("saved", "„" + p.name() + "“ ist geprüft und im Partnerverzeichnis zu finden.");
        return "redirect:" + BASE;
    }

    @PostMapping("/{id}/ablehnen")
    String reject(@PathVariable String id, @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "") String kommentar, Model model, RedirectAttributes flash) {
        UUID partnerId = Ids.uuid(id);
        String comment = kommentar.strip();
        if (comment.isEmpty() || comment.length() > COMMENT_MAX) {
            return page(partnerId, model, kommentar, Map.of("kommentar", comment.isEmpty()
                    ? "Bitte schreiben Sie dem Unternehmen, warum das Profil nicht freigegeben wird."
                    : "Bitte fassen Sie sich kürzer (höchstens 2.000 Zeichen)."));
        }
        Partner p = load(partnerId);
        try {
            partners.review(partnerId, "reject", version(version, p), comment);
        } catch (EditorialClient.Conflict e) {
            return changedMeanwhile(partnerId, flash);
        }
        flash.addFlashAttribute("saved", "„" + p.name() + "“ ist mit Ihrem Hinweis an das Unternehmen zurückgegangen.");
        return "redirect:" + BASE;
    }

    private String page(UUID id, Model model, String comment, Map<String, String> errors) {
        Partner p = load(id);
        Map<String, String> topics = vocabulary.topics();
        model.addAttribute("p", p);
        model.addAttribute("topicNames", PartnerVocabulary.topicNames(p.topics(), topics));
        model.addAttribute("regionNames", vocabulary.regionNames(p.regions()));
        model.addAttribute("size", p.size() == null ? null : PartnerVocabulary.SIZES.get(p.size()));
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        return "partners/review";
    }

    private Partner load(UUID id) {
        return partners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The version the Redaktion saw; a form without one decides on nothing. */
    private static long version(String version, Partner p) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw new EditorialClient.Conflict();
        }
    }

    private static String changedMeanwhile(UUID id, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", "Das Profil wurde inzwischen geändert oder ist schon entschieden. Bitte "
                + "prüfen Sie den aktuellen Stand.");
        return "redirect:" + BASE + "/" + id;
    }
}
