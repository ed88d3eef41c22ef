package de.stadtretter.notification.subscriptions.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.subscriptions.consent.ConsentRecords;
import de.stadtretter.notification.subscriptions.domain.PreferencesService;
import jakarta.validation.Valid;

/**
 * A subscriber's own settings, reached by the personal link in every mail ({@code token}): read and change the
 * preferences, pause and resume, erase everything. An unknown token is 404; changing a subscription that is not
 * confirmed is 409.
 */
@RestController
@RequestMapping(Links.SUBSCRIPTIONS + "/preferences")
public class PreferencesController {

    private final PreferencesService preferences;

    public PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    public SubscriptionView read(@RequestParam String token) {
        return SubscriptionView.of(preferences.byToken(token));
    }

    @PutMapping
    public SubscriptionView update(@RequestParam String token, @Valid @RequestBody PreferencesBody body) {
        return SubscriptionView.of(preferences.update(token, body.preferences()));
    }

    @PostMapping("/pause")
    public SubscriptionView pause(@RequestParam String token) {
        return SubscriptionView.of(preferences.pause(token, true));
    }

    @PostMapping("/resume")
    public SubscriptionView resume(@RequestParam String token) {
        return SubscriptionView.of(preferences.pause(token, false));
    }

    /**
     * Erases the subscription and all data about it (DSGVO Art. 17). Only the proof of consent stays, until
     * {@code consentProofKeptUntil}: three years after the end of the year the consent ended.
     */
    @DeleteMapping
    public Map<String, Object> erase(@RequestParam String token) {
        Instant keptUntil = preferences.erase(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "ERASED");
        answer.put("consentProofKeptUntil", keptUntil);
        answer.put("consentProofYears", ConsentRecords.YEARS_KEPT);
        return answer;
    }
}
