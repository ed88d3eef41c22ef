package de.stadtretter.partner.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.partner.directory.index.DirectoryIndex;
import de.stadtretter.partner.directory.index.DirectorySync;
import de.stadtretter.partner.demo.DemoPartners;
import de.stadtretter.partner.directory.query.DirectorySearch;
import de.stadtretter.partner.profiles.domain.PartnerPublications;
import de.stadtretter.partner.profiles.domain.PartnerRepository;
import de.stadtretter.partner.references.domain.ReferenceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner directory: its in-memory index (a read model of PostgreSQL), the synchronisation and the search; and
 * the demo partners the local platform starts with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryConfig.DirectoryProperties.class)
public class DirectoryConfig {

    /**
     * @param pollInterval how often each replica asks PostgreSQL for profiles changed on other replicas
     * @param lookback how far each poll looks back, for transactions that commit after they stamped a change
     */
    @ConfigurationProperties("stadtretter.partner.directory")
    public record DirectoryProperties(Duration pollInterval, Duration lookback) {
        public DirectoryProperties {
            pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
            lookback = lookback == null ? Duration.ofSeconds(5) : lookback;
        }
    }

    @Bean(destroyMethod = "close")
    DirectoryIndex directoryIndex() {
        return new DirectoryIndex();
    }

    @Bean(destroyMethod = "close")
    DirectorySync directorySync(DirectoryIndex index, PartnerRepository partners, ReferenceRepository references,
            DirectoryProperties properties, MeterRegistry meters) {
        return new DirectorySync(index, partners, references, properties.pollInterval(), properties.lookback(),
                meters);
    }

    /** The demo partners, published at start (the local platform turns them on unless --no-demo-data). */
    @Bean
    @ConditionalOnBooleanProperty("stadtretter.partner.demo-data")
    DemoPartners demoPartners(PartnerRepository partners, ReferenceRepository references,
            PartnerPublications publications, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        return new DemoPartners(partners, references, publications, transactions, json, clock);
    }

    @Bean
    DirectorySearch directorySearch(DirectoryIndex index, ReferenceData referenceData, Clock clock) {
        return new DirectorySearch(index, referenceData, clock);
    }
}
