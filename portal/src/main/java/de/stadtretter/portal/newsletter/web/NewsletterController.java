package de.stadtretter.portal.newsletter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.stadtretter.portal.newsletter.NewsletterModels.Answer;
import de.stadtretter.portal.newsletter.NewsletterModels.Options;
import de.stadtretter.portal.newsletter.NewsletterModels.Outcome;
import de.stadtretter.portal.newsletter.NewsletterModels.Preferences;
import de.stadtretter.portal.newsletter.NewsletterModels.Subscription;
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
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("d. MMMM yyyy", java.util.Locale.GERMANY).withZone(java.time.ZoneId.of("Europe/Berlin"));

    private final NotificationClient notifications;

    NewsletterController(NotificationClient notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String form(Model model) {
        return form(model, notifications.options(), "", Preferences.defaults(), false, new LinkedHashMap<>());
    }

    @PostMapping
    String subscribe(@RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) List<String> topics, @RequestParam(required = false) List<String> laender,
            @RequestParam(required = false) List<String> townTypes, @RequestParam(required = false) List<String> kinds,
            @RequestParam(required = false) String frequency, @RequestParam(required = false) String consent,
            @RequestParam(defaultValue = "") String consentVersion, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Options options = notifications.options();
        String address = email.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (address.isEmpty()) {
            errors.put("email", "Bitte geben Sie Ihre E-Mail-Adresse ein.");
        } else if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            errors.put("email", "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.");
        }
        Preferences chosen = NewsletterForms.read(topics, laender, townTypes, kinds, frequency, options, errors);
        boolean consented = "ja".equals(consent);
        if (!consented) {
            errors.put("consent", "Bitte willigen Sie ein, damit wir Ihnen E-Mails senden dürfen.");
        }
        if (errors.isEmpty()) {
            Answer answer = notifications.subscribe(address, chosen, consentVersion, request.getRemoteAddr());
            if (answer.outcome() == Outcome.TOO_MANY) {
                errors.put("email", "Von Ihrem Anschluss kamen gerade sehr viele Anmeldungen. Bitte versuchen Sie es "
                        + NewsletterForms.waitText(answer.retryAfterSeconds()) + " noch einmal.");
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(answer.retryAfterSeconds()));
                return form(model, options, email, chosen, consented, errors);
            }
            if (answer.outcome() == Outcome.CONSENT_CHANGED) {
                errors.put("consent", "Der Text der Einwilligung wurde soeben geändert. Bitte lesen Sie ihn und "
                        + "willigen Sie erneut ein.");
                consented = false;
            } else if (answer.outcome() == Outcome.REJECTED) {
                NewsletterForms.rejected(answer.fields(), errors);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, options, email, chosen, consented, errors);
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
                model.addAttribute("text", "Vielen Dank! Sie erhalten künftig E-Mails zu diesen Themen:");
                model.addAttribute("items", c.topics());
                model.addAttribute("preferencesToken", c.token());
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

    /** The personal settings page of the link in every mail. */
    @GetMapping("/einstellungen")
    String preferences(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Subscription> found = plausible(token) ? notifications.preferences(token) : Optional.empty();
        if (found.isEmpty()) {
            return invalid(model, response);
        }
        return preferencesPage(model, token, found.get(), found.get().preferences(), new LinkedHashMap<>(), null);
    }

    @PostMapping("/einstellungen")
    String savePreferences(@RequestParam(defaultValue = "") String token,
            @RequestParam(required = false) List<String> topics, @RequestParam(required = false) List<String> laender,
            @RequestParam(required = false) List<String> townTypes, @RequestParam(required = false) List<String> kinds,
            @RequestParam(required = false) String frequency, Model model, HttpServletResponse response) {
        Optional<Subscription> found = plausible(token) ? notifications.preferences(token) : Optional.empty();
        if (found.isEmpty()) {
            return invalid(model, response);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Preferences chosen = NewsletterForms.read(topics, laender, townTypes, kinds, frequency,
                notifications.options(), errors);
        if (errors.isEmpty()) {
            Answer answer = notifications.updatePreferences(token, chosen);
            if (answer.outcome() == Outcome.REJECTED) {
                NewsletterForms.rejected(answer.fields(), errors);
            } else if (answer.outcome() != Outcome.DONE) {
                errors.put("topics", "Dieses Abonnement ist nicht mehr aktiv. Bitte abonnieren Sie den Newsletter neu.");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return preferencesPage(model, token, found.get(), chosen, errors, null);
        }
        return preferencesPage(model, token, notifications.preferences(token).orElse(found.get()), chosen, errors,
                "Ihre Einstellungen sind gespeichert.");
    }

    @PostMapping("/einstellungen/pausieren")
    String pause(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        return pauseOrResume(token, true, model, response);
    }

    @PostMapping("/einstellungen/fortsetzen")
    String resume(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        return pauseOrResume(token, false, model, response);
    }

    @GetMapping("/einstellungen/loeschen")
    String eraseForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!plausible(token) || notifications.preferences(token).isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        return "newsletter/erase";
    }

    @PostMapping("/einstellungen/loeschen")
    String erase(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<java.time.Instant> keptUntil = plausible(token) ? notifications.erase(token) : Optional.empty();
        if (keptUntil.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("heading", "Ihre Daten sind gelöscht");
        model.addAttribute("text", keptUntil.get().equals(java.time.Instant.EPOCH)
                ? "Wir haben Ihr Abonnement und alle Daten dazu gelöscht."
                : "Wir haben Ihr Abonnement und alle Daten dazu gelöscht. Nur den Nachweis Ihrer Einwilligung "
                        + "(Zeitpunkte, Einwilligungstext, gekürzte IP-Adresse) müssen wir aufbewahren, solange "
                        + "Ansprüche daraus geltend gemacht werden können: bis zum " + DATE.format(keptUntil.get())
                        + " (drei Jahre nach Ende des Jahres, in dem das Abonnement endete). Danach wird er "
                        + "automatisch gelöscht.");
        model.addAttribute("again", true);
        return "newsletter/result";
    }

    private String pauseOrResume(String token, boolean paused, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            return invalid(model, response);
        }
        boolean done = notifications.pause(token, paused);
        Optional<Subscription> found = notifications.preferences(token);
        if (found.isEmpty()) {
            return invalid(model, response);
        }
        String message = !done ? null : paused ? "Ihr Abonnement ist pausiert. Sie erhalten keine E-Mails, bis Sie "
                + "es fortsetzen." : "Ihr Abonnement läuft wieder.";
        return preferencesPage(model, token, found.get(), found.get().preferences(), new LinkedHashMap<>(), message);
    }

    private String preferencesPage(Model model, String token, Subscription subscription, Preferences shown,
            Map<String, String> errors, String message) {
        NewsletterForms.show(model, notifications.options(), shown, errors);
        model.addAttribute("token", token);
        model.addAttribute("subscription", subscription);
        model.addAttribute("message", message);
        return "newsletter/preferences";
    }

    private String form(Model model, Options options, String email, Preferences chosen, boolean consented,
            Map<String, String> errors) {
        NewsletterForms.show(model, options, chosen, errors);
        model.addAttribute("email", email);
        model.addAttribute("consented", consented);
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
