package de.stadtretter.matching;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.PartnerEvents;
import de.stadtretter.testing.TestPostgres;
import de.stadtretter.testing.TestTokens;

/** The one Spring context all of matching-service's integration tests share: real PostgreSQL, Kafka and HTTP port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "stadtretter.kit.consumer.initial-backoff=50ms", "stadtretter.kit.outbox.poll-interval=200ms",
    "logging.structured.format.console="})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {CaseEvents.TOPIC, CaseEvents.DLT, PartnerEvents.PROFILE_TOPIC,
    PartnerEvents.PROFILE_DLT, "matching.need.v1", "matching.need.v1-dlt", "matching.match.v1"})
public abstract class MatchingServiceTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "matching");
        TestTokens.register(registry);
    }

    public int port() {
        return port;
    }
}
