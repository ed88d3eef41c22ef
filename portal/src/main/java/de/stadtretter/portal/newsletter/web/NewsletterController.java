package de.stadtretter.portal.newsletter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.Topic;
import de.stadtretter.portal.newsletter.NotificationClient;
import de.stadtretter.portal.newsletter.NotificationClient.Confirmation;
import de.stadtretter.portal.newsletter.NotificationClient.LinkResult;

/**
 * The newsletter: the subscription form (double opt-in by notification-service), and the pages behind the links in
 * the mails. A GET of a link only shows a button (mail scanners that open links change nothing); its POST confirms
 * or unsubscribes.
 */
@Controller
@RequestMapping("/newsletter")
class NewsletterController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int TOKEN_MAX = 200;

    private final NotificationClient notifications;
    private final CatalogClient catalog;

    NewsletterController(NotificationClient notifications, CatalogClient catalog) {
        this.notifications = notifications;
        this.catalog = catalog;
    }

    @GetMapping
    String form(Model model) {
        return form(model, "", List.of(), Map.of());
    }

    @PostMapping
    String subscribe(@RequestParam(defaultValue = "") String email,
            @RequestParam(name = "topics", required = false) List<String> topics, Model model,
            HttpServletResponse response) {
        List<String> chosen = topics == null ? List.of() : topics.stream().distinct().toList();
        String address = email.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (address.isEmpty()) {
            errors.put("email", "Bitte geben Sie Ihre E-Mail-Adresse ein.");
        } else if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            errors.put("email", "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.");
        }
        List<String> known = catalog.topics().stream().map(Topic::id).toList();
        if (chosen.isEmpty()) {
            errors.put("topics", "Bitte wählen Sie mindestens ein Thema.");
        } else if (!known.containsAll(chosen)) {
            errors.put("topics", "Bitte wählen Sie nur Themen aus der Liste.");
        }
        if (errors.isEmpty() && !notifications.subscribe(address, chosen)) {
            errors.put("email", "Diese Angaben wurden nicht angenommen. Bitte prüfen Sie Ihre E-Mail-Adresse.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, email, chosen, errors);
        }
        model.addAttribute("heading", "Bitte bestätigen Sie Ihr Abonnement");
        model.addAttribute("text", "Falls die Adresse erreichbar ist, erhalten Sie in Kürze eine E-Mail mit einem "
                + "Bestätigungslink. Das Abonnement beginnt erst, wenn Sie diesen Link öffnen und bestätigen.");
        return "newsletter/result";
    }

    @GetMapping("/bestaetigen")
    String confirmForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        return linkForm(token, true, model, response);
    }

    @PostMapping("/bestaetigen")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            return invalid(model, response);
        }
        Confirmation c = notifications.confirm(token);
        return switch (c.result()) {
            case DONE -> {
                model.addAttribute("heading", "Ihr Abonnement ist bestätigt");
                model.addAttribute("text", "Vielen Dank! Sie erhalten künftig eine E-Mail, wenn ein neues "
                        + "Praxisbeispiel zu diesen Themen veröffentlicht wird:");
                model.addAttribute("items", c.topics());
                yield "newsletter/result";
            }
            case EXPIRED -> {
                response.setStatus(HttpStatus.GONE.value());
                model.addAttribute("heading", "Dieser Bestätigungslink ist abgelaufen");
                model.addAttribute("text", "Aus Sicherheitsgründen gilt ein Bestätigungslink nur begrenzte Zeit. "
                        + "Bitte fordern Sie das Abonnement erneut an; Sie erhalten dann einen neuen Link.");
                model.addAttribute("again", true);
                yield "newsletter/result";
            }
            case UNKNOWN -> invalid(model, response);
        };
    }

    @GetMapping("/abbestellen")
    String unsubscribeForm(@RequestParam(defaultValue = "") String token, Model model,
            HttpServletResponse response) {
        return linkForm(token, false, model, response);
    }

    @PostMapping("/abbestellen")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!plausible(token) || notifications.unsubscribe(token) != LinkResult.DONE) {
            return invalid(model, response);
        }
        model.addAttribute("heading", "Ihr Abonnement ist beendet");
        model.addAttribute("text", "Sie erhalten keine E-Mails von Stadtretter mehr. Sie können den Newsletter "
                + "jederzeit wieder abonnieren.");
        model.addAttribute("again", true);
        return "newsletter/result";
    }

    private String form(Model model, String email, List<String> chosen, Map<String, String> errors) {
        model.addAttribute("topics", catalog.topics());
        model.addAttribute("email", email);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "newsletter/form";
    }

    private String linkForm(String token, boolean confirm, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("confirm", confirm);
        return "newsletter/link";
    }

    private static boolean plausible(String token) {
        return !token.isBlank() && token.length() <= TOKEN_MAX;
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("heading", "Dieser Link ist nicht (mehr) gültig");
        model.addAttribute("text", "Der Link ist unbekannt oder wurde bereits verwendet. Bitte prüfen Sie, ob Sie ihn "
                + "vollständig aus der E-Mail übernommen haben, oder fordern Sie ein neues Abonnement an.");
        model.addAttribute("again", true);
        return "newsletter/result";
    }
}
