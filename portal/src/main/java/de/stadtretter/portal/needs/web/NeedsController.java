package de.stadtretter.portal.needs.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.needs.NeedClient;
import de.stadtretter.portal.needs.NeedModels.Need;
import de.stadtretter.portal.needs.NeedModels.Recommendations;
import de.stadtretter.portal.partners.web.PartnerVocabulary;
import de.stadtretter.portal.web.Ids;

/**
 * Needs (Bedarfe): a Kommune formulates one and sees what fits while it writes ({@code /bedarfe/neu}, the preview
 * works with and without JavaScript), saves it (and may be mailed about new matches), finds its needs under
 * "Meine Bedarfe"; everybody who may see a need finds on its page the cases, partners, towns and other towns' needs
 * that fit, each with the reasons.
 */
@Controller
class NeedsController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NeedsController.class);

    static final int PREVIEW_SIZE = 5;
    static final int PAGE_SIZE = 10;
    static final Map<String, String> VISIBILITY_LABELS = visibilityLabels();

    private final NeedClient needs;
    private final PartnerVocabulary vocabulary;

    NeedsController(NeedClient needs, PartnerVocabulary vocabulary) {
        this.needs = needs;
        this.vocabulary = vocabulary;
    }

    private static Map<String, String> visibilityLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("MEMBERS", "Für angemeldete Mitglieder (Kommunen, Partner, Redaktion)");
        labels.put("PUBLIC", "Öffentlich für alle");
        labels.put("PRIVATE", "Nur für unsere Kommune und die Redaktion");
        return labels;
    }

    @GetMapping("/bedarfe/neu")
    String form(Model model) {
        return form(model, NeedForm.empty(), Map.of(), null);
    }

    /** The recommendations for what is entered so far, as a whole page or (for the script) only their part. */
    @PostMapping("/bedarfe/neu/vorschau")
    String preview(NeedForm form, @AuthenticationPrincipal OidcUser user,
            @RequestHeader(name = "X-Requested-With", required = false) String requestedWith, Model model) {
        Map<String, String> errors = form.check(vocabulary.topics().keySet());
        Recommendations found = null;
        if (errors.isEmpty() && form.canPreview()) {
            found = needs.tryOut(form.toWrite(organisation(user)), PREVIEW_SIZE);
        } else if (!form.canPreview()) {
            errors = Map.of("titel", "Bitte beschreiben Sie zuerst, worum es geht.");
        }
        form(model, form, "fetch".equals(requestedWith) ? Map.of() : errors, found);
        return "fetch".equals(requestedWith) ? "needs/form :: empfehlungen" : "needs/form";
    }

    @PostMapping("/bedarfe")
    String save(NeedForm form, @AuthenticationPrincipal OidcUser user, Model model, RedirectAttributes flash) {
        Map<String, String> errors = form.check(vocabulary.topics().keySet());
        if (!errors.isEmpty()) {
            return form(model, form, errors, null);
        }
        Need need;
        try {
            need = needs.create(form.toWrite(organisation(user)));
        } catch (EditorialClient.Rejected e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.fields().forEach((field, message) -> fields.put(NeedForm.FIELDS.getOrDefault(field, "titel"),
                    "Bitte prüfen Sie diese Angabe."));
            return form(model, form, fields.isEmpty() ? Map.of("titel", "Bitte prüfen Sie Ihre Angaben.") : fields,
                    null);
        }
        UUID id = UUID.fromString(need.id());
        String saved = "Ihr Bedarf ist gespeichert.";
        if (Boolean.TRUE.equals(form.benachrichtigen())) {
            try {
                needs.watch(id);
                saved += " Wir schreiben Ihnen, sobald ein neues Praxisbeispiel oder ein neuer Partner gut dazu passt.";
            } catch (RuntimeException e) {
                // the need is saved; the mails can be switched on on its page
                log.warn("Could not start the match mails for need {}: {}", id, e.toString());
                flash.addFlashAttribute("problem", "Die E-Mails zu neuen Empfehlungen konnten gerade nicht "
                        + "eingerichtet werden. Sie können sie unten auf dieser Seite einschalten.");
            }
        }
        flash.addFlashAttribute("saved", saved);
        return "redirect:/bedarfe/" + id;
    }

    private String form(Model model, NeedForm form, Map<String, String> errors, Recommendations found) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("topics", vocabulary.topics());
        model.addAttribute("visibilities", VISIBILITY_LABELS);
        model.addAttribute("found", found);
        return "needs/form";
    }

    @GetMapping("/bedarfe/{id}")
    String need(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        UUID needId = Ids.uuid(id);
        Need need = needs.find(needId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean own = user != null && need.ags().equals(organisation(user));
        model.addAttribute("need", need);
        model.addAttribute("own", own);
        model.addAttribute("watching", own && need.open() && watching(needId));
        model.addAttribute("topicNames", PartnerVocabulary.topicNames(need.topics(), vocabulary.topics()));
        model.addAttribute("visibility", VISIBILITY_LABELS.get(need.visibility()));
        model.addAttribute("found", need.open() ? needs.recommendations(needId, PAGE_SIZE) : Recommendations.NONE);
        return "needs/detail";
    }

    /** Whether the member gets mails about the need; unknown (false: the button to switch them on) if the mail
     * service does not answer: the need's page does not depend on it. */
    private boolean watching(UUID needId) {
        try {
            return needs.watching(needId);
        } catch (RuntimeException e) {
            log.warn("Could not ask whether need {} is watched: {}", needId, e.toString());
            return false;
        }
    }

    @PostMapping("/bedarfe/{id}/schliessen")
    String close(@PathVariable String id, RedirectAttributes flash) {
        UUID needId = Ids.uuid(id);
        try {
            needs.close(needId);
            flash.addFlashAttribute("saved", "Der Bedarf ist geschlossen. Sie erhalten dazu keine E-Mails mehr.");
        } catch (EditorialClient.Conflict e) {
            flash.addFlashAttribute("problem", "Dieser Bedarf war schon geschlossen.");
        }
        return "redirect:/bedarfe/" + needId;
    }

    @PostMapping("/bedarfe/{id}/benachrichtigung")
    String notification(@PathVariable String id, @RequestParam(defaultValue = "false") boolean an,
            RedirectAttributes flash) {
        UUID needId = Ids.uuid(id);
        try {
            if (an) {
                needs.watch(needId);
                flash.addFlashAttribute("saved", "Wir schreiben Ihnen, sobald etwas Neues gut zu diesem Bedarf passt.");
            } else {
                needs.unwatch(needId);
                flash.addFlashAttribute("saved", "Sie erhalten zu diesem Bedarf keine E-Mails mehr.");
            }
        } catch (EditorialClient.Conflict e) {
            flash.addFlashAttribute("problem", "Der Bedarf ist geschlossen.");
        }
        return "redirect:/bedarfe/" + needId;
    }

    @GetMapping("/meine-bedarfe")
    String mine(@AuthenticationPrincipal OidcUser user, Model model) {
        List<Need> list = needs.ofTown(organisation(user), null).items();
        model.addAttribute("open", list.stream().filter(Need::open).toList());
        model.addAttribute("closed", list.stream().filter(n -> !n.open()).toList());
        model.addAttribute("visibilities", VISIBILITY_LABELS);
        return "needs/mine";
    }

    private static String organisation(OidcUser user) {
        String ags = user == null ? null : user.getClaimAsString("organisation");
        if (ags == null || !ags.matches("\\d{8}")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return ags;
    }
}
