package de.stadtretter.matching.matches.domain;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.stadtretter.matching.needs.domain.Need;
import de.stadtretter.matching.needs.domain.NeedRepository;
import de.stadtretter.matching.recommendations.domain.Recommendations;
import de.stadtretter.matching.recommendations.domain.Recommender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Watches the cases and partners that were published or updated (the index synchronisation hands them over once the
 * index holds them) and announces those that now rank among an open need's first {@code top} with at least
 * {@code threshold}: the same ranking and reasons the need's page shows, so a mail never promises what the page
 * does not show.
 */
public class MatchWatcher {

    private static final Logger log = LoggerFactory.getLogger(MatchWatcher.class);

    private final NeedRepository needs;
    private final Recommender recommender;
    private final MatchRecords records;
    private final Clock clock;
    private final int top;
    private final double threshold;
    private final Counter announced;

    public MatchWatcher(NeedRepository needs, Recommender recommender, MatchRecords records, Clock clock, int top,
            double threshold, MeterRegistry meters) {
        this.needs = needs;
        this.recommender = recommender;
        this.records = records;
        this.clock = clock;
        this.top = top;
        this.threshold = threshold;
        this.announced = Counter.builder("stadtretter.matching.matches.announced")
                .description("Matches of a case or partner with an open need, announced once each").register(meters);
    }

    /** The cases and partners (ids) that changed. */
    public void changed(Set<UUID> cases, Set<UUID> partners) {
        if (cases.isEmpty() && partners.isEmpty()) {
            return;
        }
        for (Need need : needs.open()) {
            Recommender.Matches matches = recommender.matches(new Recommendations.Request(need.ags(), need.title(),
                    need.description(), need.topics(), need.id()), top, threshold);
            announce(need, FoundMatch.Kind.CASE, matches.cases(), cases);
            announce(need, FoundMatch.Kind.PARTNER, matches.partners(), partners);
        }
    }

    private void announce(Need need, FoundMatch.Kind kind, List<Recommender.Match> matches, Set<UUID> changed) {
        for (Recommender.Match m : matches) {
            if (changed.contains(m.id()) && records.announce(new FoundMatch(need.id(), need.ags(), need.title(), kind,
                    m.id(), m.title(), Recommendations.round(m.score()), m.reasons(), clock.instant()))) {
                announced.increment();
                log.info("Match announced: need {} and {} {} (score {})", need.id(), kind, m.id(),
                        Recommendations.round(m.score()));
            }
        }
    }
}
