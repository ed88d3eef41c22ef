package de.stadtretter.portal.legal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.stadtretter.portal.config.PortalProperties;

/** Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit (BITV 2.0), linked from every footer. */
@Controller
class LegalController {

    private final PortalProperties properties;

    LegalController(PortalProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/impressum")
    String imprint(Model model) {
        model.addAttribute("contact", properties.contact());
        return "legal/impressum";
    }

    @GetMapping("/datenschutz")
    String privacy(Model model) {
        model.addAttribute("contact", properties.contact());
        return "legal/datenschutz";
    }

    @GetMapping("/barrierefreiheit")
    String accessibility(Model model) {
        model.addAttribute("contact", properties.contact());
        return "legal/barrierefreiheit";
    }

    /** After the login at Keycloak: back to the start page (a protected page the visitor wanted comes first). */
    @GetMapping("/anmelden")
    String login() {
        return "redirect:/";
    }
}
