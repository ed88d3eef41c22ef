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
    void togglingAFacetValueStartsAtTheFirstPageAgain() {
        SearchQuery q = new SearchQuery("Markt", List.of("leerstand"), null, null, null, null, false, null, 3);
        SearchQuery more = q.toggle("topic", "events");
        assertThat(more.topic()).containsExactly("leerstand", "events");
        assertThat(more.page()).isZero();
        assertThat(more.toggle("topic", "leerstand").topic()).containsExactly("events");
        assertThat(q.toggle("budget", "100000").budgetMax()).isEqualTo(100_000L);
        assertThat(q.toggle("budget", "100000").toggle("budget", "100000").budgetMax()).isNull();
        assertThat(q.toggle("budget", "viel").budgetMax()).isNull();
        assertThat(q.selected("topic", "leerstand")).isTrue();
        assertThat(q.selected("land", "BY")).isFalse();
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
