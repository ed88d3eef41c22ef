package de.stadtretter.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.ProjectStatus;

class SearchSummaryTest {

    @Test
    void aFullSummaryComesBackAsItWent() {
        SearchSummary full = new SearchSummary(UUID.randomUUID(), "Leerstandsmanagement in Görlitz",
                "Ein Kümmerer <b>vermittelt</b> zwischen Eigentümern und Gründern – mit Erfolg.", "14626110",
                new SearchSummary.Municipality("14626110", "Görlitz, Stadt", "Görlitz", "SN", "Sachsen", 56_324L, "22"),
                List.of("leerstand", "organisation"), List.of("Kümmerer", "Zwischennutzung"), ProjectStatus.COMPLETED,
                LocalDate.of(1969, 7, 20), LocalDate.of(2024, 2, 29), new CaseContent.Budget(0L, 250_000L), true, 17,
                Instant.parse("2026-03-01T10:15:30.123456789Z"));
        assertThat(SearchSummary.decode(full.encode())).isEqualTo(full);
    }

    @Test
    void missingValuesStayMissing() {
        SearchSummary sparse = new SearchSummary(UUID.randomUUID(), "Titel", "Kurz", "01001000",
                new SearchSummary.Municipality("01001000", "Flensburg", null, "SH", "Schleswig-Holstein", null, null),
                List.of("events"), List.of(), null, null, null, new CaseContent.Budget(null, 5L), false, 0, null);
        assertThat(SearchSummary.decode(sparse.encode())).isEqualTo(sparse);
        SearchSummary noPlace = new SearchSummary(UUID.randomUUID(), "", "", "", null, List.of(), List.of(),
                ProjectStatus.PLANNED, null, null, null, false, 0, Instant.EPOCH);
        assertThat(SearchSummary.decode(noPlace.encode())).isEqualTo(noPlace);
    }
}
