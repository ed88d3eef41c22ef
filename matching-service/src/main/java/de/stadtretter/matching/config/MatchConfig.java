package de.stadtretter.matching.config;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.stadtretter.matching.matches.domain.MatchRecords;
import de.stadtretter.matching.matches.domain.MatchWatcher;
import de.stadtretter.matching.needs.domain.NeedRepository;
import de.stadtretter.matching.recommendations.domain.Recommender;
import de.stadtretter.matching.recommendations.index.RecommendationSync;
import io.micrometer.core.instrument.MeterRegistry;

/** Announcing matches: the watcher hears of every changed case and partner from the index synchronisation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchConfig.MatchProperties.class)
public class MatchConfig {

    /**
     * @param top how far down a need's recommendations a case or partner must rank to be announced
     * @param threshold the score it must reach (0..1); see docs/benchmarks.md for what it means on the dev set
     */
    @ConfigurationProperties("stadtretter.matching.matches")
    public record MatchProperties(Integer top, Double threshold) {
        public MatchProperties {
            top = top == null ? 5 : top;
            threshold = threshold == null ? 0.45 : threshold;
        }
    }

    @Bean
    MatchWatcher matchWatcher(NeedRepository needs, Recommender recommender, MatchRecords records,
            RecommendationSync sync, MatchProperties properties, MeterRegistry meters) {
        MatchWatcher watcher = new MatchWatcher(needs, recommender, records, Clock.systemUTC(), properties.top(),
                properties.threshold(), meters);
        sync.onChange(watcher::changed);
        return watcher;
    }
}
