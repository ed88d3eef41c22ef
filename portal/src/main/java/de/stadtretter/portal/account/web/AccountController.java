package de.stadtretter.portal.account.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtretter.portal.newsletter.NewsletterModels.Answer;
import de.stadtretter.portal.newsletter.NewsletterModels.Options;
import de.stadtretter.portal.newsletter.NewsletterModels.Outcome;
import de.stadtretter.portal.newsletter.NewsletterModels.Preferences;
import de.stadtretter.portal.newsletter.NewsletterModels.Subscription;
import de.stadtretter.portal.newsletter.NotificationClient;
import de.stadtretter.portal.newsletter.web.NewsletterForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Mein Konto": the member's account as the portal knows it, the mails about their work (on or off), and their
 * newsletter subscription to the address of the account (verified by Keycloak, so it starts without a confirmation
 * mail, with their consent given here).
 */
@Controller
@RequestMapping("/mein-konto")
class AccountController {

    private final NotificationClient notifications;

    AccountController(NotificationClient notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String account(@AuthenticationPrincipal OidcUser user, Model model) {
        Optional<Subscription> subscription = notifications.memberSubscription();
        Preferences shown = subscription.filter(Subscription::active).map(Subscription::preferences)
                .orElse(Preferences.defaults());
        return page(model, user, subscription, shown, new LinkedHashMap<>(), false, null);
    }

    @PostMapping("/newsletter")
    String save(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) List<String> topics,
            @RequestParam(required = false) List<String> laender,
            @RequestParam(required = false) List<String> townTypes, @RequestParam(required = false) List<String> kinds,
            @RequestParam(required = false) String frequency, @RequestParam(required = false) String consent,
            @RequestParam(defaultValue = "") String consentVersion, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Options options = notifications.options();
        Optional<Subscription> subscription = notifications.memberSubscription();
        boolean active = subscription.map(Subscription::active).orElse(false);
        Map<String, String> errors = new LinkedHashMap<>();
        Preferences chosen = NewsletterForms.read(topics, laender, townTypes, kinds, frequency, options, errors);
        boolean consented = "ja".equals(consent);
        if (!active && !consented) {
            errors.put("consent", "Bitte willigen Sie ein, damit wir Ihnen E-Mails senden dürfen.");
        }
        if (errors.isEmpty()) {
            Answer answer = notifications.saveMemberSubscription(chosen, active && !consented ? null : consentVersion,
                    request.getRemoteAddr());
            switch (answer.outcome()) {
                case DONE -> {
                    redirect.addFlashAttribute("message", active ? "Ihre Newsletter-Einstellungen sind gespeichert."
                            : "Ihr Newsletter-Abonnement ist aktiv.");
                    return "redirect:/mein-konto";
                }
                case TOO_MANY -> errors.put("consent", "Von Ihrem Anschluss kamen gerade sehr viele Anmeldungen. "
                        + "Bitte versuchen Sie es " + NewsletterForms.waitText(answer.retryAfterSeconds())
                        + " noch einmal.");
                case CONSENT_CHANGED -> errors.put("consent", "Der Text der Einwilligung wurde soeben geändert. "
                        + "Bitte lesen Sie ihn und willigen Sie erneut ein.");
                case REJECTED -> NewsletterForms.rejected(answer.fields(), errors);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, user, subscription, chosen, errors, consented, null);
    }

    /** The mails about the member's work: on or off. */
    @PostMapping("/benachrichtigungen")
    String workflowMails(@RequestParam(defaultValue = "") String workflowMails, RedirectAttributes redirect) {
        boolean wanted = "an".equals(workflowMails);
        notifications.setWorkflowMails(wanted);
        redirect.addFlashAttribute("message", wanted ? "Sie erhalten wieder E-Mails zu Ihrer Arbeit auf Stadtretter."
                : "Sie erhalten keine E-Mails zu Ihrer Arbeit auf Stadtretter mehr.");
        return "redirect:/mein-konto";
    }

    @PostMapping("/newsletter/beenden")
    String end(RedirectAttributes redirect) {
        notifications.endMemberSubscription();
        redirect.addFlashAttribute("message", "Ihr Newsletter-Abonnement ist beendet.");
        return "redirect:/mein-konto";
    }

    private String page(Model model, OidcUser user, Optional<Subscription> subscription, Preferences shown,
            Map<String, String> errors, boolean consented, String message) {
        NewsletterForms.show(model, notifications.options(), shown, errors);
        model.addAttribute("email", user.getEmail());
        model.addAttribute("subscription", subscription.orElse(null));
        model.addAttribute("active", subscription.map(Subscription::active).orElse(false));
        model.addAttribute("consented", consented);
        model.addAttribute("workAddress", notifications.memberAddress().orElse(null));
        if (message != null) {
            model.addAttribute("message", message);
        }
        return "account/account";
    }
}
