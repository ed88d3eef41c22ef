package de.stadtretter.matching.cases.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventContracts;

/** matching-service's own CasePublished record against catalog-service's schema and example. */
class CasePublishedContractTest {

    @Test
    void ownRecordFitsTheProducersContract() {
        CasePublished example = EventContracts.assertConsumerRecordFits(CasePublished.class, CaseEvents.schema(),
                CaseEvents.example(), "caseId", "ags", "topics", "publishedAt");
        assertThat(example.topics()).isNotEmpty();
    }
}
