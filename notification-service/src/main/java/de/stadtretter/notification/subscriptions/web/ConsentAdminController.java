package de.stadtretter.notification.subscriptions.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.notification.subscriptions.consent.ConsentRecord;
import de.stadtretter.notification.subscriptions.consent.ConsentRecords;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The proof of consent for one address, newest first, for the operator (role admin; see SecurityConfig). */
@RestController
@RequestMapping("/api/notifications/admin/consents")
public class ConsentAdminController {

    private final ConsentRecords consents;

    public ConsentAdminController(ConsentRecords consents) {
        this.consents = consents;
    }

    @GetMapping
    public List<ConsentRecord> consents(@RequestParam @NotBlank @Size(max = 254) String email) {
        return consents.byEmail(SubscriptionService.normaliseEmail(email));
    }
}
