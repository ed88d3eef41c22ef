package de.stadtretter.catalog.search.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the quality harness on the dev set and prints its numbers; fails if the German search is not at least 15 %
 * better than plain BM25 on nDCG@5 (the target of the catalogue issue), which catches a broken analysis chain.
 */
class SearchQualityTest {

    @Test
    void theGermanSearchBeatsPlainBm25OnTheDevSet() {
        SearchQuality.Report report = SearchQuality.run(SearchQuality.cases(), SearchQuality.queries());
        System.out.print(report.table());
        assertThat(report.queries()).isGreaterThanOrEqualTo(25);
        assertThat(report.cases()).isGreaterThanOrEqualTo(30);
        assertThat(report.ndcgGain()).as("nDCG@5 gain over plain BM25").isGreaterThanOrEqualTo(0.15);
    }
}
