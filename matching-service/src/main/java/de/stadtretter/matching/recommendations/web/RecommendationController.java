package de.stadtretter.matching.recommendations.web;

import java.util.List;
import java.util.UUID;

import org.hibernate.validator.constraints.UniqueElements;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.ServerTiming;
import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.kit.web.validation.TopicIds;
import de.stadtretter.matching.needs.domain.Need;
import de.stadtretter.matching.needs.domain.NeedService;
import de.stadtretter.matching.recommendations.domain.Recommendations;
import de.stadtretter.matching.recommendations.domain.Recommender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Recommendations for a saved need ({@code GET /api/matching/needs/{id}/recommendations}, for whoever may see the
 * need) and for a need not yet saved ({@code POST /api/matching/recommendations}, any logged-in member, the same body
 * as a need; topics may still be empty while the Kommune types).
 */
@RestController
@Validated
public class RecommendationController {

    private final Recommender recommender;
    private final NeedService needs;
    private final ReferenceData referenceData;
    private final Timer timer;

    public RecommendationController(Recommender recommender, NeedService needs, ReferenceData referenceData,
            MeterRegistry meters) {
        this.recommender = recommender;
        this.needs = needs;
        this.referenceData = referenceData;
        this.timer = Timer.builder("stadtretter.matching.recommendations")
                .description("Answering a need with recommendations, inside the service")
                .publishPercentiles(0.5, 0.95).register(meters);
    }

    /** The body of a need, as {@code POST /api/matching/needs} takes it. */
    public record TryRequest(@NotNull String ags, @NotBlank @Size(max = 150) String title,
            @MultilineText @Size(max = 5_000) String description,
            @Size(max = 6) @UniqueElements @TopicIds List<String> topics, Need.Visibility visibility) {}

    @GetMapping("/api/matching/needs/{id}/recommendations")
    public Recommendations forNeed(@PathVariable UUID id,
            @RequestParam(defaultValue = "10") @Min(1) @Max(Recommender.MAX_SIZE) int size, Authentication auth,
            HttpServletResponse response) {
        CurrentUser user = CurrentUser.from(auth);
        Need need = needs.get(user, id);
        return ServerTiming.timed(timer, "recommend", response, () -> recommender.recommend(
                new Recommendations.Request(need.ags(), need.title(), need.description(), need.topics(), need.id()),
                user != null, size));
    }

    @PostMapping("/api/matching/recommendations")
    public Recommendations tryOut(@Validated @RequestBody TryRequest body,
            @RequestParam(defaultValue = "10") @Min(1) @Max(Recommender.MAX_SIZE) int size,
            HttpServletResponse response) {
        if (!referenceData.isMunicipalityKey(body.ags())) {
            throw InvalidFieldsException.of("ags", "must be the key (AGS) of a municipality of the Destatis list");
        }
        return ServerTiming.timed(timer, "recommend", response, () -> recommender.recommend(
                new Recommendations.Request(body.ags(), body.title(), body.description(), body.topics(), null),
                true, size));
    }
}
