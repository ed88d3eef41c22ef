package de.stadtretter.catalog.config;

import java.nio.file.Path;
import java.time.Duration;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import de.stadtretter.catalog.cases.domain.CasePublications;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.catalog.demo.DemoCatalog;
import de.stadtretter.catalog.demo.SyntheticCatalog;
import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.catalog.search.index.SearchIndexSync;
import de.stadtretter.catalog.search.query.CaseSearch;
import de.stadtretter.catalog.search.query.CaseSuggestions;
import de.stadtretter.kit.reference.ReferenceData;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lucene search: the index (a read model of PostgreSQL), its synchronisation and the search over it; and the demo
 * catalogue that the local platform starts with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchConfig.SearchProperties.class)
public class SearchConfig {

    /**
     * @param indexPath where the index lives; empty for a temporary directory deleted at shutdown (the index is
     *        rebuilt at every start anyway)
     * @param pollInterval how often each replica asks PostgreSQL for changes made on other replicas
     * @param lookback how far each poll looks back, for transactions that commit after they stamped a change
     * @param parallelFromCases from how many indexed cases on one search runs on all cores
     */
    @ConfigurationProperties("stadtretter.catalog.search")
    public record SearchProperties(Path indexPath, Duration pollInterval, Duration lookback,
            Integer parallelFromCases) {
        public SearchProperties {
            pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
            lookback = lookback == null ? Duration.ofSeconds(10) : lookback;
            parallelFromCases = parallelFromCases == null ? SearchIndex.PARALLEL_FROM_DOCS : parallelFromCases;
        }
    }

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(ReferenceData referenceData, SearchProperties properties) {
        return new SearchIndex(new CaseDocuments(referenceData), properties.indexPath(),
                properties.parallelFromCases());
    }

    @Bean(destroyMethod = "close")
    SearchIndexSync searchIndexSync(SearchIndex index, CaseRepository cases, SearchProperties properties,
            MeterRegistry meters) {
        return new SearchIndexSync(index, cases, properties.pollInterval(), properties.lookback(), meters);
    }

    /** The demo catalogue, published at start (the local platform turns it on unless --no-demo-data). */
    @Bean
    @ConditionalOnBooleanProperty("stadtretter.catalog.demo-data")
    DemoCatalog demoCatalog(CaseRepository cases, CasePublications publications,
            PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        return new DemoCatalog(cases, publications, transactions, json, clock);
    }

    /** The benchmark's synthetic catalogue: {@code --stadtretter.catalog.synthetic-cases=100000}. */
    @Bean
    @ConditionalOnProperty("stadtretter.catalog.synthetic-cases")
    SyntheticCatalog syntheticCatalog(CaseRepository cases, PlatformTransactionManager transactions,
            ConfigurableApplicationContext context,
            @Value("${stadtretter.catalog.synthetic-cases}") int count) {
        return new SyntheticCatalog(cases, transactions, context, count);
    }

    @Bean
    CaseSearch caseSearch(SearchIndex index, ReferenceData referenceData) {
        return new CaseSearch(index, referenceData);
    }

    @Bean
    CaseSuggestions caseSuggestions(SearchIndex index, ReferenceData referenceData) {
        return new CaseSuggestions(index, referenceData);
    }
}
