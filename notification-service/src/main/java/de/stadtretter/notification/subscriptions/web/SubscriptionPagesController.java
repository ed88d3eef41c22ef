package de.stadtretter.notification.subscriptions.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService.LinkCheck;

/**
 * The pages behind the links in the mails. A GET only shows a form (mail scanners that prefetch links change
 * nothing); the form's POST confirms or unsubscribes. The POST also takes the token from the query string, so the
 * one-click unsubscribe of mail programs (RFC 8058, {@code List-Unsubscribe-Post}) works on the same URL.
 */
@Controller
@RequestMapping(Links.SUBSCRIPTIONS)
public class SubscriptionPagesController {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionPagesController.class);

    private final SubscriptionService service;

    public SubscriptionPagesController(SubscriptionService service) {
        this.service = service;
    }

    @GetMapping("/confirm")
    public ModelAndView confirmForm(@RequestParam(required = false) String token) {
        LinkCheck check = service.checkConfirmation(token);
        return switch (check.state()) {
            case VALID -> new ModelAndView("subscriptions/confirm")
                    .addObject("token", token)
                    .addObject("topicLabels", service.labels(check.subscription().shownPreferences().topics()));
            case EXPIRED -> expired();
            case UNKNOWN -> unknown();
        };
    }

    @PostMapping("/confirm")
    public ModelAndView confirm(@RequestParam(required = false) String token) {
        LinkCheck check = service.confirm(token);
        return switch (check.state()) {
            case VALID -> new ModelAndView("subscriptions/confirmed")
                    .addObject("topicLabels", service.labels(check.subscription().preferences().topics()));
            case EXPIRED -> expired();
            case UNKNOWN -> unknown();
        };
    }

    @GetMapping("/unsubscribe")
    public ModelAndView unsubscribeForm(@RequestParam(required = false) String token) {
        LinkCheck check = service.checkUnsubscribe(token);
        return switch (check.state()) {
            case VALID -> new ModelAndView("subscriptions/unsubscribe").addObject("token", token);
            case EXPIRED, UNKNOWN -> unknown();
        };
    }

    @PostMapping("/unsubscribe")
    public ModelAndView unsubscribe(@RequestParam(required = false) String token) {
        LinkCheck check = service.unsubscribe(token);
        return switch (check.state()) {
            case VALID -> new ModelAndView("subscriptions/unsubscribed");
            case EXPIRED, UNKNOWN -> unknown();
        };
    }

    /**
     * These are pages for people: a fault of ours is answered with a page, not with problem+json. Mistakes in the
     * request itself (Spring's {@link ErrorResponse} exceptions: wrong method, unacceptable Accept, ...) are left to
     * the kit's problem+json answers; they never come from a link in our mails.
     */
    @ExceptionHandler(Exception.class)
    public ModelAndView failure(Exception ex) throws Exception {
        if (ex instanceof ErrorResponse) {
            throw ex;
        }
        log.error("Subscription page failed", ex);
        return new ModelAndView("subscriptions/error", HttpStatus.INTERNAL_SERVER_ERROR)
                .addObject("heading", "Das hat leider nicht geklappt")
                .addObject("text", "Bei der Bearbeitung ist ein Fehler aufgetreten. Bitte versuchen Sie es später "
                        + "noch einmal.");
    }

    private static ModelAndView unknown() {
        return new ModelAndView("subscriptions/error", HttpStatus.NOT_FOUND)
                .addObject("heading", "Dieser Link ist nicht (mehr) gültig")
                .addObject("text", "Der Link ist unbekannt oder wurde bereits verwendet. Bitte prüfen Sie, ob Sie "
                        + "ihn vollständig aus der E-Mail übernommen haben, oder fordern Sie ein neues "
                        + "Abonnement an.");
    }

    private static ModelAndView expired() {
        return new ModelAndView("subscriptions/error", HttpStatus.GONE)
                .addObject("heading", "Dieser Bestätigungslink ist abgelaufen")
                .addObject("text", "Aus Sicherheitsgründen ist ein Bestätigungslink nur begrenzte Zeit gültig. "
                        + "Bitte fordern Sie das Abonnement erneut an; Sie erhalten dann einen neuen Link.");
    }
}
