package de.stadtretter.portal.partners.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.partners.PartnerClient;
import de.stadtretter.portal.web.Ids;

/**
 * The Kommune's inbox ({@code /referenzen}, role kommune): companies' claims to have worked on the Kommune's own
 * cases, to confirm or decline; and what it has decided. partner-service only shows and accepts claims on the
 * Kommune's own cases.
 */
@Controller
@RequestMapping("/referenzen")
class ReferenceInboxController {

    private final PartnerClient partners;

    ReferenceInboxController(PartnerClient partners) {
        this.partners = partners;
    }

    @GetMapping
    String inbox(Model model) {
        model.addAttribute("claims", partners.inbox("CLAIMED"));
        model.addAttribute("confirmed", partners.inbox("CONFIRMED"));
        return "partners/inbox";
    }

    @PostMapping("/{id}/bestaetigen")
    String confirm(@PathVariable String id, RedirectAttributes flash) {
        return decide(id, "confirm", flash, "Die Referenz ist bestätigt und erscheint im Profil des Unternehmens.");
    }

    @PostMapping("/{id}/ablehnen")
    String decline(@PathVariable String id, RedirectAttributes flash) {
        return decide(id, "decline", flash, "Die Referenz ist abgelehnt und erscheint nicht im Profil.");
    }

    private String decide(String id, String decision, RedirectAttributes flash, String done) {
        try {
            var reference = partners.decide(Ids.uuid(id), decision);
            flash.addFlashAttribute("saved", done.replace("Die Referenz", "Die Referenz von „"
                    + reference.partnerName() + "“"));
        } catch (EditorialClient.Conflict e) {
            flash.addFlashAttribute("problem", "Über diese Referenz ist inzwischen schon entschieden worden.");
        }
        return "redirect:/referenzen";
    }
}
