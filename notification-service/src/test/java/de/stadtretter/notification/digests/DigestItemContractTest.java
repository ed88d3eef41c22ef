package de.stadtretter.notification.digests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.stadtretter.notification.needs.events.NeedPublished;
import de.stadtretter.notification.partners.events.PartnerProfile;
import de.stadtretter.testing.EventContracts;
import de.stadtretter.testing.MatchingEvents;
import de.stadtretter.testing.PartnerEvents;

/** The records this service reads digest items into fit the producers' schemas (the producers own them). */
class DigestItemContractTest {

    @Test
    void partnerProfilesFitPartnerServicesContract() {
        for (String type : new String[] {PartnerEvents.PUBLISHED_TYPE, PartnerEvents.UPDATED_TYPE}) {
            PartnerProfile example = EventContracts.assertConsumerRecordFits(PartnerProfile.class,
                    PartnerEvents.schema(type), PartnerEvents.example(type), "partnerId", "name", "description",
                    "topics", "regions", "verifiedAt");
            assertThat(example.topics()).isNotEmpty();
        }
    }

    @Test
    void needsFitMatchingServicesContract() {
        for (String type : new String[] {NeedPublished.OPENED_TYPE, NeedPublished.UPDATED_TYPE}) {
            NeedPublished example = EventContracts.assertConsumerRecordFits(NeedPublished.class,
                    MatchingEvents.schema(type), MatchingEvents.example(type), "needId", "ags", "title",
                    "description", "topics", "visibility", "status", "openedAt");
            assertThat(example.visibility()).isIn("PUBLIC", "MEMBERS", "PRIVATE");
        }
    }
}
