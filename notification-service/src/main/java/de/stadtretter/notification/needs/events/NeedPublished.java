package de.stadtretter.notification.needs.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.matching.need.opened.v1} and {@code ...need.updated.v1}
 * (matching-service, events/matching.need.v1/): a town's need as far as a digest shows it. Only an open need with
 * visibility PUBLIC is shown to subscribers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeedPublished(
        @NotNull UUID needId,
        @NotBlank String ags,
        @NotBlank String title,
        @NotBlank String description,
        @NotNull List<@NotBlank String> topics,
        @NotBlank String visibility,
        @NotBlank String status,
        @NotNull Instant openedAt,
        Instant updatedAt) {

    public static final String OPENED_TYPE = "de.stadtretter.matching.need.opened.v1";
    public static final String UPDATED_TYPE = "de.stadtretter.matching.need.updated.v1";

    public boolean isPublic() {
        return "PUBLIC".equals(visibility) && "OPEN".equals(status);
    }
}
