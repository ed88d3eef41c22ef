package de.stadtretter.notification.subscriptions.web;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import de.stadtretter.notification.subscriptions.domain.Preferences;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import de.stadtretter.notification.subscriptions.domain.Preferences.Kind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/notifications/subscriptions}; ids are checked against the reference data. Only
 * {@code email} and {@code topics} are required (the foundation's body): without {@code kinds} it is about new
 * cases, without {@code frequency} weekly; empty {@code laender} and {@code townTypes} mean all. A
 * {@code consentVersion}, if given, must be the one in force (the client showed that text).
 */
public record SubscribeRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                message = "must be a valid e-mail address") String email,
        @NotEmpty @Size(max = 20) @UniqueElements List<@NotNull @NotBlank String> topics,
        @Size(max = 16) @UniqueElements List<@NotNull @NotBlank String> laender,
        @Size(max = 7) @UniqueElements List<@NotNull @NotBlank String> townTypes,
        @Size(min = 1, max = 3) @UniqueElements List<@NotNull Kind> kinds,
        Frequency frequency,
        @Size(max = 40) String consentVersion) {

    public SubscribeRequest {
        email = email == null ? null : email.strip(); // pasted addresses often carry blanks
    }

    public Preferences preferences() {
        Preferences defaults = Preferences.defaults(topics);
        return new Preferences(topics, laender == null ? defaults.laender() : laender,
                townTypes == null ? defaults.townTypes() : townTypes, kinds == null ? defaults.kinds() : kinds,
                frequency == null ? defaults.frequency() : frequency);
    }
}
