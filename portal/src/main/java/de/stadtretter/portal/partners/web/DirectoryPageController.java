package de.stadtretter.portal.partners.web;

import java.util.LinkedHashMap;
import java.util.List;
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
 * The public partner directory ({@code /partner}: words, topic, Land, order; everything in the URL) and a partner's
 * page with its offerings, the references the towns confirmed (linked to the cases) and, for logged-in members, the
 * contact person and a contact form.
 */
@Controller
@RequestMapping("/partner")
class DirectoryPageController {

    static final int PAGE_SIZE = 20;
    static final int SUBJECT_MAX = 150;
    static final int MESSAGE_MAX = 5000;

    private final PartnerClient partners;
    private final PartnerVocabulary vocabulary;

    DirectoryPageController(PartnerClient partners, PartnerVocabulary vocabulary) {
        this.partners = partners;
        this.vocabulary = vocabulary;
    }

    @GetMapping
    String directory(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "evidence") String sort,
            @RequestParam(defaultValue = "1") String page, Model model) {
        Map<String, String> topics = vocabulary.topics();
        String t = topics.containsKey(topic) ? topic : "";
        String r = vocabulary.regions().containsKey(region) ? region : "";
        String s = "name".equals(sort) ? "name" : "evidence";
        String words = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        int pageNumber = Ids.page(page);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", words);
        params.put("topic", t);
        params.put("region", r);
        params.put("sort", s);
        params.put("page", Integer.toString(pageNumber - 1));
        params.put("size", Integer.toString(PAGE_SIZE));
        var result = partners.search(params);
        model.addAttribute("result", result);
        model.addAttribute("q", words);
        model.addAttribute("topic", t);
        model.addAttribute("region", r);
        model.addAttribute("sort", s);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("topics", topics);
        model.addAttribute("regions", vocabulary.regions());
        model.addAttribute("vocabulary", vocabulary);
        return "partners/directory";
    }

    @GetMapping("/{id}")
    String profile(@PathVariable String id, Model model) {
        return page(Ids.uuid(id), model, "", "", Map.of());
    }

    @PostMapping("/{id}/kontakt")
    String contact(@PathVariable String id, @RequestParam(defaultValue = "") String betreff,
            @RequestParam(defaultValue = "") String nachricht,
            @RequestParam(defaultValue = "false") boolean einwilligung, Model model, RedirectAttributes flash) {
        UUID partnerId = Ids.uuid(id);
        String subject = betreff.strip();
        String message = nachricht.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (subject.isEmpty()) {
            errors.put("betreff", "Bitte geben Sie einen Betreff an.");
        } else if (subject.length() > SUBJECT_MAX || subject.contains("\n")) {
            errors.put("betreff", "Bitte fassen Sie den Betreff in einer Zeile mit höchstens 150 Zeichen.");
        }
        if (message.isEmpty()) {
            errors.put("nachricht", "Bitte schreiben Sie Ihre Nachricht.");
        } else if (message.length() > MESSAGE_MAX) {
            errors.put("nachricht", "Bitte fassen Sie sich kürzer (höchstens 5.000 Zeichen).");
        }
        if (!einwilligung) {
            errors.put("einwilligung", "Bitte willigen Sie ein, dass wir Ihren Namen und Ihre E-Mail-Adresse an das "
                    + "Unternehmen weitergeben, damit es Ihnen antworten kann.");
        }
        if (!errors.isEmpty()) {
            return page(partnerId, model, subject, message, errors);
        }
        try {
            partners.contact(partnerId, subject, message);
        } catch (PartnerClient.TooMany e) {
            flash.addFlashAttribute("problem", "Heute sind über Stadtretter schon viele Anfragen verschickt worden "
                    + "(höchstens 5 je Absender und 50 je Unternehmen am Tag). Bitte versuchen Sie es morgen erneut.");
            return "redirect:/partner/" + partnerId + "#kontakt";
        } catch (EditorialClient.Rejected e) {
            return page(partnerId, model, subject, message, Map.of("nachricht",
                    "Die Nachricht konnte so nicht verschickt werden. Bitte prüfen Sie Betreff und Text."));
        }
        flash.addFlashAttribute("saved", "Ihre Nachricht ist unterwegs. Das Unternehmen antwortet Ihnen direkt an "
                + "Ihre E-Mail-Adresse.");
        return "redirect:/partner/" + partnerId;
    }

    private String page(UUID id, Model model, String subject, String message, Map<String, String> errors) {
        Partner partner = partners.find(id).filter(p -> "VERIFIED".equals(p.status()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> topics = vocabulary.topics();
        model.addAttribute("p", partner);
        model.addAttribute("topicNames", PartnerVocabulary.topicNames(partner.topics(), topics));
        model.addAttribute("topics", topics);
        model.addAttribute("regionNames", vocabulary.regionNames(partner.regions()));
        model.addAttribute("vocabulary", vocabulary);
        model.addAttribute("size", partner.size() == null ? null : PartnerVocabulary.SIZES.get(partner.size()));
        model.addAttribute("subject", subject);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "partners/profile";
    }

    static List<String> selected(List<String> values, Map<String, String> known) {
        return values == null ? List.of() : values.stream().filter(known::containsKey).distinct().toList();
    }
}
