package de.stadtretter.notification.subscriptions.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.web.ConflictException;
import de.stadtretter.notification.subscriptions.domain.Preferences;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.subscriptions.consent.ConsentText;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService.LinkCheck;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService.LinkState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Anyone may ask for a subscription; it becomes active only through the link in the confirmation mail. The links of
 * the mails lead to the portal's pages, which confirm and unsubscribe through {@code /confirmations} and
 * {@code /unsubscriptions} with the token of the link.
 */
@RestController
@RequestMapping(Links.SUBSCRIPTIONS)
public class SubscriptionController {

    private final SubscriptionService service;
    private final ReferenceData referenceData;

    public SubscriptionController(SubscriptionService service, ReferenceData referenceData) {
        this.service = service;
        this.referenceData = referenceData;
    }

    /**
     * What a subscription form offers: topics, Länder and town types with their German names, the kinds and
     * frequencies, and the declaration of consent in force.
     */
    @GetMapping("/options")
    public Map<String, Object> options() {
        return Map.of(
                "topics", referenceData.topics().stream()
                        .map(t -> Map.of("id", t.id(), "label", t.labelDe())).toList(),
                "laender", referenceData.lands().stream()
                        .map(l -> Map.of("code", l.code(), "name", l.name())).toList(),
                "townTypes", referenceData.townTypes().values().stream()
                        .map(t -> Map.of("code", t.code(), "label", t.labelDe())).toList(),
                "kinds", java.util.Arrays.stream(Preferences.Kind.values()).map(Enum::name).toList(),
                "frequencies", java.util.Arrays.stream(Preferences.Frequency.values()).map(Enum::name).toList(),
                "consent", Map.of("version", ConsentText.VERSION, "text", ConsentText.TEXT));
    }

    /** The declaration of consent in force, for the subscription forms to show. */
    @GetMapping("/consent")
    public Map<String, String> consent() {
        return Map.of("version", ConsentText.VERSION, "text", ConsentText.TEXT);
    }

    /** Always the same answer for a valid request, whether the address was known or not. */
    @PostMapping
    public ResponseEntity<Map<String, String>> subscribe(@Valid @RequestBody SubscribeRequest request,
            HttpServletRequest http) {
        checkConsentVersion(request.consentVersion());
        service.subscribe(request.email(), request.preferences(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                "status", "PENDING",
                "message", "Falls die Adresse erreichbar ist, erhalten Sie in Kürze eine E-Mail mit einem "
                        + "Bestätigungslink. Das Abonnement beginnt erst mit Ihrer Bestätigung."));
    }

    /** The token of a link from a mail. */
    public record TokenRequest(@NotBlank @Size(max = 200) String token) {}

    /** Confirms a subscription: 200 with the German labels of its topics, 404 for an unknown or used token, 410 expired. */
    @PostMapping("/confirmations")
    public ResponseEntity<Object> confirm(@Valid @RequestBody TokenRequest request) {
        LinkCheck check = service.confirm(request.token());
        return switch (check.state()) {
            case VALID -> ResponseEntity.ok(Map.of("status", "ACTIVE",
                    "topics", service.labels(check.subscription().preferences().topics()),
                    "token", service.unsubscribeToken(check.subscription().id())));
            case EXPIRED -> problem(HttpStatus.GONE, "The confirmation link has expired; please subscribe again.");
            case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "The link is unknown or was already used.");
        };
    }

    /** Ends a subscription (again is harmless): 200, or 404 for an unknown token. */
    @PostMapping("/unsubscriptions")
    public ResponseEntity<Object> unsubscribe(@Valid @RequestBody TokenRequest request) {
        return service.unsubscribe(request.token()).state() == LinkState.VALID
                ? ResponseEntity.ok(Map.of("status", "UNSUBSCRIBED"))
                : problem(HttpStatus.NOT_FOUND, "The link is unknown.");
    }

    /** A client that names the version of the consent text it showed must have shown the one in force. */
    static void checkConsentVersion(String version) {
        if (version != null && !version.equals(ConsentText.VERSION)) {
            throw new ConflictException("The consent text has changed (now version " + ConsentText.VERSION
                    + "); please show the current text and ask again.");
        }
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
