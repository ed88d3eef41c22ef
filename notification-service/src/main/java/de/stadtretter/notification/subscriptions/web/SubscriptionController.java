package de.stadtretter.notification.subscriptions.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService.LinkCheck;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService.LinkState;
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

    public SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    /** Always the same answer for a valid request, whether the address was known or not. */
    @PostMapping
    public ResponseEntity<Map<String, String>> subscribe(@Valid @RequestBody SubscribeRequest request) {
        service.subscribe(request.email(), request.topics());
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
                    "topics", service.labels(check.subscription().topics())));
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

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
