package de.stadtretter.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import de.stadtretter.portal.catalog.CatalogModels.Budget;

class LabelsTest {

    private final Labels labels = new Labels();

    @Test
    void highlightsKeepOnlyTheMarksEvenWhenTheServiceSentMarkup() {
        assertThat(labels.highlight("Der <mark>Leerstand</mark> &lt;b&gt;sank&lt;/b&gt;"))
                .isEqualTo("Der <mark>Leerstand</mark> &lt;b&gt;sank&lt;/b&gt;");
        // not escaped by the service (it always is; the portal does not rely on it)
        assertThat(labels.highlight("<script>alert(1)</script> <mark>x</mark>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>");
        assertThat(labels.highlight("&lt;mark&gt;fake&lt;/mark&gt;")).isEqualTo("&lt;mark&gt;fake&lt;/mark&gt;");
    }

    @Test
    void numbersDatesAndMoneyInGermanFormat() {
        assertThat(labels.number(1484226L)).isEqualTo("1.484.226");
        assertThat(labels.number(new BigDecimal("28.6"))).isEqualTo("28,6");
        assertThat(labels.date(LocalDate.of(2024, 3, 1))).isEqualTo("1. März 2024");
        assertThat(labels.month(LocalDate.of(2024, 3, 1))).isEqualTo("März 2024");
        assertThat(labels.budget(new Budget(50_000L, 120_000L))).isEqualTo("50.000 € bis 120.000 €");
        assertThat(labels.budget(new Budget(null, 80_000L))).isEqualTo("bis 80.000 €");
        assertThat(labels.budget(new Budget(null, null))).isEmpty();
        assertThat(labels.budgetBucket("250000")).isEqualTo("bis 250.000 €");
        assertThat(labels.status("COMPLETED")).isEqualTo("abgeschlossen");
        assertThat(labels.count(1, "Praxisbeispiel", "Praxisbeispiele")).isEqualTo("1 Praxisbeispiel");
        assertThat(labels.count(1200, "Praxisbeispiel", "Praxisbeispiele")).isEqualTo("1.200 Praxisbeispiele");
    }
}
