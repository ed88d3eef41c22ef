package de.stadtretter.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void theUrlKeepsEverySelectionAndDropsWhatTheServiceWouldRefuse() {
        SearchQuery q = new SearchQuery("  Leerstand Innenstadt ", List.of("leerstand", "<x>", "leerstand"),
                List.of("by", "XYZ"), List.of("50", "5"), List.of("RUNNING", "DONE"), 50_000L, true, "newest", 2);
        assertThat(q.q()).isEqualTo("Leerstand Innenstadt");
        assertThat(q.topic()).containsExactly("leerstand");
        assertThat(q.land()).containsExactly("BY");
        assertThat(q.townType()).containsExactly("50");
        assertThat(q.projectStatus()).containsExactly("RUNNING");
        assertThat(q.url()).isEqualTo("/suche?q=Leerstand%20Innenstadt&topic=leerstand&land=BY&townType=50"
                + "&projectStatus=RUNNING&budgetMax=50000&hasLessons=true&sort=newest&page=2");
    }

    @Test
    void selectionsAreKnownPerDimension() {
        SearchQuery q = new SearchQuery("Markt", List.of("leerstand"), null, null, null, 100_000L, false, null, 3);
        assertThat(q.selected("topic", "leerstand")).isTrue();
        assertThat(q.selected("topic", "events")).isFalse();
        assertThat(q.selected("budget", "100000")).isTrue();
        assertThat(q.selected("land", "BY")).isFalse();
        assertThat(q.withPage(0).url()).isEqualTo("/suche?q=Markt&topic=leerstand&budgetMax=100000");
    }

    @Test
    void anOverlongQueryIsCutAtTheServicesLimitInCodePoints() {
        String emoji = "😀".repeat(SearchQuery.MAX_QUERY_LENGTH + 5);
        SearchQuery q = new SearchQuery(emoji, null, null, null, null, null, false, null, -4);
        assertThat(q.q().codePointCount(0, q.q().length())).isEqualTo(SearchQuery.MAX_QUERY_LENGTH);
        assertThat(q.page()).isZero();
        assertThat(q.isEmpty()).isFalse();
        assertThat(new SearchQuery(null, null, null, null, null, null, false, "bogus", 0).sort()).isNull();
    }
}
