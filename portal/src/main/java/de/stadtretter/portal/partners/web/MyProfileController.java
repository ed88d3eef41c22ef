package de.stadtretter.portal.partners.web;

import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.partners.PartnerClient;
import de.stadtretter.portal.partners.PartnerModels.ContactWrite;
import de.stadtretter.portal.partners.PartnerModels.OfferingWrite;
import de.stadtretter.portal.partners.PartnerModels.Partner;
import de.stadtretter.portal.partners.PartnerModels.ProfileWrite;
import de.stadtretter.portal.web.Ids;

/**
 * A company's self-service ({@code /mein-partnerprofil}, role partner): create and edit its profile, add and remove
 * offerings, claim references to published cases and see their status. The profile is the one of the member's
 * organisation; partner-service checks that again.
 */
@Controller
@RequestMapping("/mein-partnerprofil")
class MyProfileController {

    static final String BASE = "/mein-partnerprofil";

    /** API field → form field, for the errors partner-service names. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("legalForm", "rechtsform"), Map.entry("description", "beschreibung"),
            Map.entry("website", "website"), Map.entry("topics", "themen"), Map.entry("regions", "regionen"),
            Map.entry("size", "groesse"), Map.entry("contact.name", "kontaktName"),
            Map.entry("contact.email", "kontaktEmail"), Map.entry("contact.phone", "kontaktTelefon"));
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("name", "Bitte geben Sie den Namen des Unternehmens an (höchstens 200 Zeichen)."),
            Map.entry("rechtsform", "Bitte kürzen Sie die Rechtsform (höchstens 60 Zeichen)."),
            Map.entry("beschreibung", "Bitte beschreiben Sie Ihr Unternehmen (höchstens 5.000 Zeichen)."),
            Map.entry("website", "Bitte geben Sie die Website als Adresse mit http:// oder https:// an."),
            Map.entry("themen", "Bitte wählen Sie mindestens ein Thema."),
            Map.entry("regionen", "Bitte wählen Sie mindestens eine Region."),
            Map.entry("groesse", "Bitte wählen Sie eine Größe aus der Liste."),
            Map.entry("kontaktName", "Bitte geben Sie eine Ansprechperson an."),
            Map.entry("kontaktEmail", "Bitte geben Sie eine gültige E-Mail-Adresse an, etwa name@beispiel.de."),
            Map.entry("kontaktTelefon", "Bitte geben Sie die Telefonnummer mit Ziffern an, etwa +49 461 123456."));

    private final PartnerClient partners;
    private final CatalogClient catalog;
    private final PartnerVocabulary vocabulary;

    MyProfileController(PartnerClient partners, CatalogClient catalog, PartnerVocabulary vocabulary) {
        this.partners = partners;
        this.catalog = catalog;
        this.vocabulary = vocabulary;
    }

    /** What the form shows: the stored profile, or what was entered. */
    record ProfileForm(String name, String rechtsform, String beschreibung, String website, List<String> themen,
            List<String> regionen, String groesse, String kontaktName, String kontaktEmail, String kontaktTelefon) {

        static ProfileForm of(Partner p) {
            return p == null ? new ProfileForm("", "", "", "", List.of(), List.of(), "", "", "", "")
                    : new ProfileForm(p.name(), nz(p.legalForm()), p.description(), nz(p.website()), p.topics(),
                            p.regions(), nz(p.size()), p.contact() == null ? "" : p.contact().name(),
                            p.contact() == null ? "" : p.contact().email(),
                            p.contact() == null ? "" : nz(p.contact().phone()));
        }

        ProfileWrite toWrite(Long version) {
            return new ProfileWrite(name.strip(), blank(rechtsform), beschreibung.strip(), blank(website), themen,
                    regionen, blank(groesse), new ContactWrite(kontaktName.strip(), kontaktEmail.strip(),
                            blank(kontaktTelefon)), version);
        }
    }

    @GetMapping
    String show(@AuthenticationPrincipal OidcUser user, Model model) {
        UUID id = company(user);
        Partner partner = partners.find(id).orElse(null);
        return page(model, id, partner, ProfileForm.of(partner), Map.of(), "", "", Map.of());
    }

    @PostMapping
    String save(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String rechtsform, @RequestParam(defaultValue = "") String beschreibung,
            @RequestParam(defaultValue = "") String website, @RequestParam(required = false) List<String> themen,
            @RequestParam(required = false) List<String> regionen, @RequestParam(defaultValue = "") String groesse,
            @RequestParam(defaultValue = "") String kontaktName, @RequestParam(defaultValue = "") String kontaktEmail,
            @RequestParam(defaultValue = "") String kontaktTelefon, @RequestParam(defaultValue = "") String version,
            Model model, RedirectAttributes flash) {
        UUID id = company(user);
        ProfileForm form = new ProfileForm(name, rechtsform, beschreibung, website,
                DirectoryPageController.selected(themen, vocabulary.topics()),
                DirectoryPageController.selected(regionen, vocabulary.regions()),
                PartnerVocabulary.SIZES.containsKey(groesse) ? groesse : "", kontaktName, kontaktEmail,
                kontaktTelefon);
        Partner current = partners.find(id).orElse(null);
        Map<String, String> errors = required(form);
        if (errors.isEmpty()) {
            try {
                if (current == null) {
                    partners.create(form.toWrite(null));
                    flash.addFlashAttribute("saved", "Ihr Profil ist gespeichert. Die Redaktion prüft es; danach "
                            + "erscheint es im Partnerverzeichnis.");
                } else {
                    partners.edit(id, form.toWrite(version.isBlank() ? current.version() : parse(version)));
                    flash.addFlashAttribute("saved", "Ihre Änderungen sind gespeichert.");
                }
                return "redirect:" + BASE;
            } catch (EditorialClient.Rejected e) {
                errors = new LinkedHashMap<>();
                for (String field : e.fields().keySet()) {
                    String formField = FIELDS.getOrDefault(field.replaceAll("\\[\\d+]", ""), "name");
                    errors.putIfAbsent(formField, MESSAGES.get(formField));
                }
            } catch (EditorialClient.Conflict e) {
                flash.addFlashAttribute("problem", "Das Profil wurde inzwischen geändert. Bitte prüfen Sie den "
                        + "aktuellen Stand und speichern Sie Ihre Änderungen erneut.");
                return "redirect:" + BASE;
            }
        }
        return page(model, id, current, form, errors, "", "", Map.of());
    }

    @PostMapping("/leistungen")
    String addOffering(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String titel,
            @RequestParam(defaultValue = "") String leistung, @RequestParam(defaultValue = "") String preismodell,
            @RequestParam(required = false) List<String> leistungThemen, Model model, RedirectAttributes flash) {
        UUID id = company(user);
        List<String> topics = DirectoryPageController.selected(leistungThemen, vocabulary.topics());
        Map<String, String> errors = new LinkedHashMap<>();
        if (titel.isBlank() || titel.strip().length() > 150) {
            errors.put("titel", "Bitte geben Sie der Leistung einen Titel (höchstens 150 Zeichen).");
        }
        if (leistung.strip().length() > 3000) {
            errors.put("leistung", "Bitte beschreiben Sie die Leistung kürzer (höchstens 3.000 Zeichen).");
        }
        if (preismodell.strip().length() > 200) {
            errors.put("preismodell", "Bitte fassen Sie das Preismodell kürzer (höchstens 200 Zeichen).");
        }
        Partner current = partners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (errors.isEmpty()) {
            try {
                // an offering is offered where the company works
                partners.addOffering(id, new OfferingWrite(titel.strip(), blank(leistung), topics, current.regions(),
                        blank(preismodell)));
                flash.addFlashAttribute("saved", "Die Leistung „" + titel.strip() + "“ ist gespeichert.");
                return "redirect:" + BASE + "#leistungen";
            } catch (EditorialClient.Rejected | EditorialClient.Conflict e) {
                errors.put("titel", "Die Leistung konnte nicht gespeichert werden. Ein Profil hat höchstens 30 "
                        + "Leistungen; bitte prüfen Sie Ihre Angaben.");
            }
        }
        model.addAttribute("offering", Map.of("titel", titel, "leistung", leistung, "preismodell", preismodell,
                "themen", topics));
        return page(model, id, current, ProfileForm.of(current), Map.of(), "", "", errors);
    }

    @PostMapping("/leistungen/{offeringId}/loeschen")
    String deleteOffering(@AuthenticationPrincipal OidcUser user, @PathVariable String offeringId,
            RedirectAttributes flash) {
        partners.deleteOffering(company(user), Ids.uuid(offeringId));
        flash.addFlashAttribute("saved", "Die Leistung ist entfernt.");
        return "redirect:" + BASE + "#leistungen";
    }

    @PostMapping("/referenzen")
    String claim(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String fall,
            @RequestParam(defaultValue = "") String rolle, Model model, RedirectAttributes flash) {
        UUID id = company(user);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID caseId = null;
        try {
            caseId = fall.isBlank() ? null : UUID.fromString(fall);
        } catch (IllegalArgumentException e) {
            // handled below
        }
        if (caseId == null) {
            errors.put("fall", "Bitte wählen Sie das Praxisbeispiel, an dem Ihr Unternehmen mitgearbeitet hat.");
        }
        if (rolle.isBlank() || rolle.strip().length() > 200) {
            errors.put("rolle", "Bitte beschreiben Sie Ihre Rolle im Projekt (höchstens 200 Zeichen).");
        }
        if (errors.isEmpty()) {
            try {
                partners.claim(id, caseId, rolle.strip());
                flash.addFlashAttribute("saved", "Ihre Referenz ist eingetragen. Die Kommune wird gebeten, sie zu "
                        + "bestätigen; erst dann zählt sie.");
                return "redirect:" + BASE + "#referenzen";
            } catch (EditorialClient.Rejected e) {
                errors.put("fall", "Dieses Praxisbeispiel ist nicht (mehr) veröffentlicht.");
            } catch (EditorialClient.Conflict e) {
                errors.put("fall", "Dieses Praxisbeispiel haben Sie schon als Referenz angegeben.");
            }
        }
        Partner partner = partners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(model, id, partner, ProfileForm.of(partner), Map.of(), fall, rolle, errors);
    }

    private String page(Model model, UUID id, Partner partner, ProfileForm form, Map<String, String> errors,
            String claimedCase, String role, Map<String, String> otherErrors) {
        model.addAttribute("p", partner);
        model.addAttribute("form", form);
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.putAll(otherErrors);
        model.addAttribute("errors", all);
        model.addAttribute("topics", vocabulary.topics());
        model.addAttribute("regions", vocabulary.regions());
        model.addAttribute("sizes", PartnerVocabulary.SIZES);
        model.addAttribute("references", partner == null ? List.of() : partners.references(id));
        model.addAttribute("cases", partner == null ? List.of() : catalog.overview(100).items());
        model.addAttribute("claimedCase", claimedCase);
        model.addAttribute("role", role);
        if (!model.containsAttribute("offering")) {
            model.addAttribute("offering", Map.of("titel", "", "leistung", "", "preismodell", "", "themen",
                    List.of()));
        }
        return "partners/mine";
    }

    private static Map<String, String> required(ProfileForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (form.name().isBlank()) {
            missing.add("name");
        }
        if (form.beschreibung().isBlank()) {
            missing.add("beschreibung");
        }
        if (form.themen().isEmpty()) {
            missing.add("themen");
        }
        if (form.regionen().isEmpty()) {
            missing.add("regionen");
        }
        if (form.kontaktName().isBlank()) {
            missing.add("kontaktName");
        }
        if (form.kontaktEmail().isBlank()) {
            missing.add("kontaktEmail");
        }
        missing.forEach(f -> errors.put(f, MESSAGES.get(f)));
        return errors;
    }

    /** The member's company: the {@code organisation} claim, a partner id. */
    private static UUID company(OidcUser user) {
        try {
            return UUID.fromString(user.getClaimAsString("organisation"));
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static long parse(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw new EditorialClient.Conflict();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
