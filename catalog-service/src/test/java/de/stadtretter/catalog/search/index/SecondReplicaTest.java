package de.stadtretter.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.catalog.search.query.CaseSearch;
import de.stadtretter.catalog.search.query.SearchRequest;
import de.stadtretter.kit.reference.ReferenceData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A second replica of catalog-service: its own index and synchronisation on the same PostgreSQL, as another pod
 * would have. Changes made through this replica's API must reach the other one by its polling alone.
 */
class SecondReplicaTest extends CatalogIntegrationTest {

    @Autowired
    CaseRepository cases;

    @Test
    void anotherReplicaSeesPublicationsVotesAndArchivingByPolling() throws Exception {
        try (SearchIndex otherIndex = new SearchIndex(new CaseDocuments(ReferenceData.get()), null);
                SearchIndexSync otherSync = new SearchIndexSync(otherIndex, cases, Duration.ofMillis(250),
                        Duration.ofSeconds(10), new SimpleMeterRegistry())) {
            otherSync.run(new DefaultApplicationArguments());
            CaseSearch other = new CaseSearch(otherIndex, ReferenceData.get());
            assertThat(other.search(SearchRequest.text("Dorfladen")).totalItems())
                    .as("the rebuild at start holds the published catalogue").isPositive();

            String id = createCase(kommune(FLENSBURG), FLENSBURG, "events");
            mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id))
                    .contentType("application/json")
                    .content(createBody("Wombatrennen am Hafen", FLENSBURG, List.of("events"))
                            .replace("}", ", \"version\": 0}")))
                    .andExpect(status().isOk());
            submit(kommune(FLENSBURG), id);
            long publishedAt = System.nanoTime();
            publish(id);
            long seenAfter = awaitTotal(other, "Wombatrennen", 1) - publishedAt;
            System.out.printf("second replica saw the publication after %d ms%n", seenAfter / 1_000_000);

            mvc.perform(as(kommune(KIEL), put("/api/catalog/cases/{id}/helpful", id))).andExpect(status().isOk());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (helpful(other) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(helpful(other)).isEqualTo(1);

            mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/archive", id))).andExpect(status().isOk());
            awaitTotal(other, "Wombatrennen", 0);
            assertThat(otherIndex.contains(UUID.fromString(id))).isFalse();
        }
    }

    private static long helpful(CaseSearch search) {
        return search.search(SearchRequest.text("Wombatrennen")).items().getFirst().summary().helpfulCount();
    }

    /** Waits (at most 5 s) until {@code q} finds {@code expected} cases; returns when, in nanoTime. */
    private static long awaitTotal(CaseSearch search, String q, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (search.search(SearchRequest.text(q)).totalItems() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long seen = System.nanoTime();
        assertThat(search.search(SearchRequest.text(q)).totalItems()).isEqualTo(expected);
        return seen;
    }
}
