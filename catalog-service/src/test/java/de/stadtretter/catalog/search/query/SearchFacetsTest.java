package de.stadtretter.catalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.catalog.demo.SyntheticCases;
import de.stadtretter.catalog.search.index.CaseDocuments;
import de.stadtretter.catalog.search.index.SearchIndex;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * The one-pass facet counting of {@link SearchFacets} against its definitions, on synthetic cases in several
 * segments (some of them removed again), with random selections: the hits are the cases that pass every filter (counted from the cases
 * themselves), and the count of a facet value is the number of hits when that facet's selection is replaced by
 * the value alone (drill sideways).
 */
class SearchFacetsTest {

    private static final int CASES = 600;
    private static final ReferenceData REFERENCE = ReferenceData.get();
    private static final List<String> TOPICS = REFERENCE.topics().stream().map(ReferenceData.Topic::id).toList();
    private static final List<String> LAENDER = List.of("BY", "NW", "BW", "NI", "SN", "HH", "SH", "TH");
    private static final List<String> TOWN_TYPES = List.copyOf(REFERENCE.townTypes().keySet());
    private static final List<String> STATUSES = List.of("PLANNED", "RUNNING", "COMPLETED");

    /** Several segments, searched on one thread. */
    private static SearchIndex index;
    private static CaseSearch search;
    /** The same cases in one segment, searched on one thread and in two partitions on all cores. */
    private static SearchIndex oneSegment;
    private static SearchIndex parallelIndex;
    private static CaseSearch oneThread;
    private static CaseSearch parallel;
    private static final List<Case> published = new ArrayList<>();

    @BeforeAll
    static void index() {
        index = new SearchIndex(new CaseDocuments(REFERENCE), null);
        oneSegment = new SearchIndex(new CaseDocuments(REFERENCE), null);
        parallelIndex = new SearchIndex(new CaseDocuments(REFERENCE), null, 100);
        SyntheticCases generator = new SyntheticCases(REFERENCE, 7);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < CASES; i++) {
            SyntheticCases.Synthetic s = generator.next(i);
            Case c = Case.draft(s.id(), s.ags(), s.content(), "test", at).submit(at).publish(at);
            published.add(c);
            index.put(c);
            oneSegment.put(c);
            parallelIndex.put(c);
            if (i % 150 == 149) {
                index.refresh(); // several segments, each with its own columns
            }
        }
        // removed cases stay in their segments' columns, but are no hits any more
        for (int i = 0; i < CASES; i += 10) {
            index.remove(published.get(i).id());
            oneSegment.remove(published.get(i).id());
            parallelIndex.remove(published.get(i).id());
        }
        published.removeIf(c -> !index.contains(c.id()));
        index.refresh();
        oneSegment.refresh();
        parallelIndex.refresh();
        search = new CaseSearch(index, REFERENCE);
        oneThread = new CaseSearch(oneSegment, REFERENCE);
        parallel = new CaseSearch(parallelIndex, REFERENCE);
    }

    @AfterAll
    static void close() {
        index.close();
        oneSegment.close();
        parallelIndex.close();
    }

    @Test
    void searchedInPartsOnAllCoresTheAnswerIsTheSame() {
        Random random = new Random(7);
        List<String> queries = List.of("Leerstand", "Wochenmarkt Konzept", "Kundenkarte", "Beteiligung gescheitert",
                "Stadtmarketng", "Innenstadt");
        for (String q : queries) {
            SearchRequest request = new SearchRequest(q, pick(random, TOPICS), pick(random, LAENDER), null, null,
                    random.nextBoolean() ? 250_000L : null, null, null, null, null, 0, 20);
            SearchResult one = oneThread.search(request);
            SearchResult all = parallel.search(request);
            assertThat(all.totalItems()).as(q).isEqualTo(one.totalItems());
            assertThat(all.facets()).as(q).isEqualTo(one.facets());
            assertThat(all.items()).as(q).isEqualTo(one.items()); // ids, scores and highlights, in order
        }
        int slices = parallelIndex.<Integer>withSearcher(searcher -> searcher.getSlices().length);
        assertThat(slices).as("slices").isEqualTo(
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        assertThat(parallel.search(SearchRequest.text("Leerstand")).items()).isNotEmpty()
                .allSatisfy(item -> assertThat(item.highlights()).isNotEmpty());
    }

    @Test
    void hitsAndSidewaysCountsMatchTheirDefinitions() {
        hitsAndSidewaysCountsMatchTheirDefinitions(search);
        hitsAndSidewaysCountsMatchTheirDefinitions(parallel);
    }

    private static void hitsAndSidewaysCountsMatchTheirDefinitions(CaseSearch search) {
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            SearchRequest request = new SearchRequest(null, pick(random, TOPICS), pick(random, LAENDER),
                    pick(random, TOWN_TYPES), pick(random, STATUSES),
                    random.nextInt(3) == 0 ? SearchFacets.BUDGET_BUCKETS[random.nextInt(6)] : null,
                    null, null, null, null, 0, 10);
            SearchResult result = search.search(request);
            assertThat(result.totalItems()).as("hits of %s", request).isEqualTo(expectedHits(search, request));

            for (Map.Entry<String, List<SearchResult.FacetValue>> facet : result.facets().entrySet()) {
                for (SearchResult.FacetValue value : facet.getValue()) {
                    SearchRequest only = with(request, facet.getKey(), value.value());
                    assertThat(value.count()).as("%s=%s of %s", facet.getKey(), value.value(), request)
                            .isEqualTo(expectedHits(search, only));
                }
            }
            // a value that has matches is listed (here: every topic with a sideways hit)
            for (String topic : TOPICS) {
                long expected = expectedHits(search, with(request, CaseDocuments.DIM_TOPIC, topic));
                if (expected > 0) {
                    assertThat(result.facets().get(CaseDocuments.DIM_TOPIC))
                            .anySatisfy(v -> assertThat(v.value()).isEqualTo(topic));
                }
            }
        }
    }

    @Test
    void countsFollowTheTextAndTheOtherFilters() {
        SearchRequest request = new SearchRequest("Leerstand", List.of(TOPICS.getFirst()), null, null, null, null,
                null, null, true, null, 0, 10);
        SearchResult result = search.search(request);
        long sum = result.facets().get(CaseDocuments.DIM_PROJECT_STATUS).stream()
                .mapToLong(SearchResult.FacetValue::count).sum();
        // project status is not selected: its counts split the hits (every synthetic case has a status)
        assertThat(sum).isEqualTo(result.totalItems()).isPositive();
        for (SearchResult.FacetValue topic : result.facets().get(CaseDocuments.DIM_TOPIC)) {
            assertThat(topic.count()).isEqualTo(search.search(with(request, CaseDocuments.DIM_TOPIC, topic.value()))
                    .totalItems());
        }
    }

    private static List<String> pick(Random random, List<String> values) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(3); // none, one or two values
        for (int i = 0; i < n; i++) {
            String v = values.get(random.nextInt(values.size()));
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static SearchRequest with(SearchRequest r, String dim, String value) {
        return switch (dim) {
            case CaseDocuments.DIM_TOPIC -> new SearchRequest(r.q(), List.of(value), r.laender(), r.townTypes(),
                    r.projectStatuses(), r.budgetMax(), r.startedFrom(), r.startedTo(), r.hasLessons(), r.sort(), 0, 10);
            case CaseDocuments.DIM_LAND -> new SearchRequest(r.q(), r.topics(), List.of(value), r.townTypes(),
                    r.projectStatuses(), r.budgetMax(), r.startedFrom(), r.startedTo(), r.hasLessons(), r.sort(), 0, 10);
            case CaseDocuments.DIM_TOWN_TYPE -> new SearchRequest(r.q(), r.topics(), r.laender(), List.of(value),
                    r.projectStatuses(), r.budgetMax(), r.startedFrom(), r.startedTo(), r.hasLessons(), r.sort(), 0, 10);
            case CaseDocuments.DIM_PROJECT_STATUS -> new SearchRequest(r.q(), r.topics(), r.laender(), r.townTypes(),
                    List.of(value), r.budgetMax(), r.startedFrom(), r.startedTo(), r.hasLessons(), r.sort(), 0, 10);
            case CaseDocuments.BUDGET -> new SearchRequest(r.q(), r.topics(), r.laender(), r.townTypes(),
                    r.projectStatuses(), Long.parseLong(value), r.startedFrom(), r.startedTo(), r.hasLessons(),
                    r.sort(), 0, 10);
            default -> throw new IllegalArgumentException(dim);
        };
    }

    /** Without text: counted from the cases. With text: the engine's hit count with these filters. */
    private static long expectedHits(CaseSearch search, SearchRequest r) {
        if (r.q() != null) {
            return search.search(r).totalItems();
        }
        return published.stream().filter(c -> passes(c, r)).count();
    }

    private static boolean passes(Case c, SearchRequest r) {
        Place place = Place.of(c.ags(), REFERENCE);
        CaseContent content = c.content();
        Long upper = content.budget() == null ? null
                : content.budget().maxEur() != null ? content.budget().maxEur() : content.budget().minEur();
        return (r.topics().isEmpty() || r.topics().stream().anyMatch(c.topics()::contains))
                && (r.laender().isEmpty() || r.laender().contains(place.stateCode()))
                && (r.townTypes().isEmpty() || r.townTypes().contains(place.townType()))
                && (r.projectStatuses().isEmpty() || (content.projectStatus() != null
                        && r.projectStatuses().contains(content.projectStatus().name())))
                && (r.budgetMax() == null || (upper != null && upper <= r.budgetMax()));
    }
}
