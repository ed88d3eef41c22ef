package de.stadtretter.partner.cases.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventContracts;

/** partner-service's CasePublished record also reads CaseUpdated: checked against that type's schema and example. */
class CaseUpdatedContractTest {

    @Test
    void ownRecordFitsTheProducersContract() {
        CasePublished example = EventContracts.assertConsumerRecordFits(CasePublished.class, CaseEvents.updatedSchema(),
                CaseEvents.updatedExample(), "caseId", "title", "ags", "publishedAt");
        assertThat(example.title()).isNotBlank();
    }
}
