package de.stadtretter.notification.subscriptions.web;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/notifications/subscriptions}; topic ids are checked against the reference data. */
public record SubscribeRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                message = "must be a valid e-mail address") String email,
        @NotEmpty @Size(max = 20) @UniqueElements List<@NotNull @NotBlank String> topics) {

    public SubscribeRequest {
        email = email == null ? null : email.strip(); // pasted addresses often carry blanks
    }
}
