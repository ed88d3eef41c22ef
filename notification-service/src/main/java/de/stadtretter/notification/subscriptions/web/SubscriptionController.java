package de.stadtretter.notification.subscriptions.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import jakarta.validation.Valid;

/** Anyone may ask for a subscription; it becomes active only through the link in the confirmation mail. */
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
}
