package de.stadtretter.notification.subscriptions.web;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import de.stadtretter.notification.subscriptions.domain.Preferences;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import de.stadtretter.notification.subscriptions.domain.Preferences.Kind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * All preferences of a subscription, as read and as replaced ({@code PUT}): empty {@code laender} and
 * {@code townTypes} (or leaving them out) mean all. {@code consentVersion} is needed where a member starts a
 * subscription: the version of the consent text the portal showed.
 */
public record PreferencesBody(
        @NotEmpty @Size(max = 20) @UniqueElements List<@NotNull @NotBlank String> topics,
        @Size(max = 16) @UniqueElements List<@NotNull @NotBlank String> laender,
        @Size(max = 7) @UniqueElements List<@NotNull @NotBlank String> townTypes,
        @NotEmpty @Size(max = 3) @UniqueElements List<@NotNull Kind> kinds,
        @NotNull Frequency frequency,
        @Size(max = 40) String consentVersion) {

    public Preferences preferences() {
        return new Preferences(topics, laender == null ? List.of() : laender,
                townTypes == null ? List.of() : townTypes, kinds, frequency);
    }
}
