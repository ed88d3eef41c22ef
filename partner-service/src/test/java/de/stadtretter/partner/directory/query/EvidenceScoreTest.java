package de.stadtretter.partner.directory.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import de.stadtretter.partner.directory.index.DirectoryEntry;
import de.stadtretter.partner.directory.index.DirectoryEntry.Evidence;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerProfile;
import de.stadtretter.partner.profiles.domain.PartnerStatus;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.domain.ReferenceStatus;

class EvidenceScoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static Evidence reference(Duration age, String... topics) {
        return new Evidence(UUID.randomUUID(), "Fall", "Flensburg, Stadt", "Beratung", List.of(topics),
                NOW.minus(age));
    }

    private static Reference confirmed(UUID partner, Duration age, String... topics) {
        return new Reference(UUID.randomUUID(), partner, "Ärger GmbH", UUID.randomUUID(), "Beratung",
                ReferenceStatus.CONFIRMED, "a", false, NOW, "b", false, NOW, "Fall", "01001000", List.of(topics),
                NOW.minus(age));
    }

    @Test
    void aReferenceCountsHalfAfterTwoYearsAndDoubleOnTheQueriedTopic() {
        Evidence fresh = reference(Duration.ZERO, "leerstand");
        Evidence twoYears = reference(Duration.ofDays(Math.round(2 * 365.25)), "leerstand");
        assertThat(EvidenceScore.weight(fresh, null, NOW)).isEqualTo(1.0);
        assertThat(EvidenceScore.weight(twoYears, null, NOW)).isCloseTo(0.5, within(0.001));
        assertThat(EvidenceScore.weight(fresh, "leerstand", NOW)).isEqualTo(2.0);
        assertThat(EvidenceScore.weight(fresh, "marketing", NOW)).isEqualTo(1.0);
        assertThat(EvidenceScore.strongestFirst(List.of(twoYears, fresh), null, NOW)).containsExactly(fresh, twoYears);
    }

    @Test
    void theSumsKeptWithAnEntryGiveTheSameEvidenceAsWeighingEachReference() {
        UUID id = UUID.randomUUID();
        Partner partner = new Partner(id, PartnerStatus.VERIFIED, new PartnerProfile("Ärger GmbH", null, "Text",
                null, null, List.of("leerstand"), List.of("SH"), null,
                new PartnerProfile.Contact("A", "a@b.example", null)), List.of(), null, false, 0, NOW, NOW, NOW);
        DirectoryEntry entry = DirectoryEntry.of(partner, List.of(confirmed(id, Duration.ofDays(10), "leerstand"),
                confirmed(id, Duration.ofDays(800), "marketing", "leerstand"),
                confirmed(id, Duration.ofDays(2000), "events")), NOW, EvidenceScore.HALF_LIFE_YEARS);
        for (Instant at : List.of(NOW, NOW.plus(Duration.ofDays(400)))) {
            for (String topic : new String[] {null, "leerstand", "marketing", "events", "mobilitaet"}) {
                assertThat(EvidenceScore.evidence(entry.sums(), topic, at)).as(topic)
                        .isCloseTo(EvidenceScore.evidence(entry.evidence(), topic, at), within(1e-9));
            }
        }
        assertThat(EvidenceScore.evidence(entry.evidence(), "leerstand", NOW))
                .isGreaterThan(EvidenceScore.evidence(entry.evidence(), null, NOW));
    }

    @Test
    void evidenceLiftsEquallyRelevantProfilesButDoesNotOutweighRelevance() {
        double none = EvidenceScore.score(0.8, 0);
        double one = EvidenceScore.score(0.8, EvidenceScore.evidence(List.of(reference(Duration.ofDays(30))), null,
                NOW));
        assertThat(none).isEqualTo(0.8);
        assertThat(one).isGreaterThan(none);
        double many = EvidenceScore.evidence(IntStream.range(0, 20)
                .mapToObj(i -> reference(Duration.ZERO, "leerstand")).toList(), "leerstand", NOW);
        // twenty fresh on-topic references do not lift a weak match (relevance 0.3) above a full match without any
        assertThat(EvidenceScore.score(0.3, many)).isLessThan(EvidenceScore.score(1.0, 0));
        assertThat(EvidenceScore.score(0.3, many)).isGreaterThan(EvidenceScore.score(0.3, 0));
    }
}
