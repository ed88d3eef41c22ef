package de.stadtretter.partner.cases.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventContracts;

/** partner-service's own CaseArchived record against catalog-service's schema and example. */
class CaseArchivedContractTest {

    @Test
    void ownRecordFitsTheProducersContract() {
        CaseArchived example = EventContracts.assertConsumerRecordFits(CaseArchived.class, CaseEvents.archivedSchema(),
                CaseEvents.archivedExample(), "caseId", "archivedAt");
        assertThat(example.caseId()).isNotNull();
        assertThat(CaseArchived.TYPE).isEqualTo(CaseEvents.ARCHIVED_TYPE);
    }
}
