package de.stadtretter.partner.cases.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventContracts;

/** partner-service's own CasePublished record against catalog-service's schema and example. */
class CasePublishedContractTest {

    @Test
    void ownRecordFitsTheProducersContract() {
        CasePublished example = EventContracts.assertConsumerRecordFits(CasePublished.class, CaseEvents.schema(),
                CaseEvents.example(), "caseId", "title", "ags", "publishedAt");
        assertThat(example.ags()).matches("\\d{8}");
    }
}
