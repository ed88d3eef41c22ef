package de.stadtretter.notification.needs.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * notification-service's own record of {@code de.stadtretter.matching.match.found.v1} (the producer's schema:
 * matching-service, events/matching.match.v1/): what the match mail needs.
 */
public record MatchFound(@NotNull UUID needId, @NotBlank String ags, @NotBlank String needTitle,
        @NotNull Kind itemKind, @NotNull UUID itemId, @NotBlank String itemTitle, double score,
        @NotEmpty List<@NotBlank String> reasons, @NotNull Instant foundAt) {

    public static final String TYPE = "de.stadtretter.matching.match.found.v1";

    public enum Kind {
        CASE, PARTNER
    }
}
