package de.stadtretter.matching.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.cases.domain.CaseProfiles;
import de.stadtretter.matching.municipalities.domain.MunicipalityService;
import de.stadtretter.matching.needs.domain.NeedRepository;
import de.stadtretter.matching.partners.domain.PartnerProfiles;
import de.stadtretter.matching.recommendations.domain.Recommender;
import de.stadtretter.matching.recommendations.index.RecommendationIndexes;
import de.stadtretter.matching.recommendations.index.RecommendationSync;
import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.matching.recommendations.language.Thesaurus;
import de.stadtretter.matching.recommendations.language.Wording;
import de.stadtretter.search.german.GermanAnalysis;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The recommendations: the language data (German analysis, OpenThesaurus, everyday expressions), the in-memory
 * indexes of cases and partners (read models of PostgreSQL) with their synchronisation, and the recommender.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecommendationConfig.IndexProperties.class)
public class RecommendationConfig {

    /**
     * @param pollInterval how often each replica picks up case and partner profiles changed by any replica's
     *        consumers
     * @param lookback how far each poll looks back, for transactions that commit after they stamped a change
     */
    @ConfigurationProperties("stadtretter.matching.index")
    public record IndexProperties(Duration pollInterval, Duration lookback) {
        public IndexProperties {
            pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
            lookback = lookback == null ? Duration.ofSeconds(5) : lookback;
        }
    }

    @Bean
    NeedLanguage needLanguage() {
        return new NeedLanguage(GermanAnalysis.get(), Thesaurus.load());
    }

    @Bean
    Wording wording() {
        return new Wording(GermanAnalysis.get());
    }

    @Bean(destroyMethod = "close")
    RecommendationIndexes recommendationIndexes() {
        return new RecommendationIndexes();
    }

    @Bean(destroyMethod = "close")
    RecommendationSync recommendationSync(RecommendationIndexes indexes, CaseProfiles cases,
            PartnerProfiles partners, IndexProperties properties, MeterRegistry meters) {
        return new RecommendationSync(indexes, cases, partners, properties.pollInterval(), properties.lookback(),
                meters);
    }

    @Bean
    Recommender recommender(RecommendationIndexes indexes, NeedLanguage language, Wording wording,
            MunicipalityService municipalities, NeedRepository needs, ReferenceData referenceData,
            MeterRegistry meters) {
        return new Recommender(indexes, language, wording, municipalities, needs, referenceData, meters);
    }
}
