package de.stadtretter.catalog.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

/** The German search over the demo catalogue and cases of the tests, through the HTTP API. */
class SearchTest extends CatalogIntegrationTest {

    private String search(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> titles(String q) throws Exception {
        return JsonPath.read(search(get("/api/catalog/search").param("q", q)), "$.items[*].title");
    }

    @Test
    void findsWhatGermanUsersMean() throws Exception {
        // inflection and plural
        assertThat(titles("Wochenmärkten")).first().isEqualTo("Ein neues Konzept für den Wochenmarkt");
        assertThat(titles("Schaufenstern")).first().isEqualTo("Kunst in leeren Schaufenstern");
        // umlauts and ß typed or not
        assertThat(titles("Buergerbeteiligung")).first()
                .isEqualTo("Bürgerbeteiligung zur Umgestaltung des Marktplatzes");
        assertThat(titles("Fussweg Hafen")).first().isEqualTo("Den Hafen mit der Altstadt verbinden");
        // compounds both ways
        assertThat(titles("Innenstadtentwicklung")).first()
                .isEqualTo("Integriertes Konzept zur Entwicklung der Innenstadt");
        assertThat(titles("Wochenmarktkonzept")).first().isEqualTo("Ein neues Konzept für den Wochenmarkt");
        // typos on longer words
        assertThat(titles("Wochenmrkt")).first().isEqualTo("Ein neues Konzept für den Wochenmarkt");
        assertThat(titles("Stadtmarketng")).first().isEqualTo("Gemeinsames Stadtmarketing mit einer Dachmarke");
        // synonyms
        assertThat(titles("Kundenkarte")).first().isEqualTo("Gemeinsame Treuekarte der inhabergeführten Geschäfte");
        assertThat(titles("Kümmerer")).contains("Ein Kümmerer für die Altstadt",
                "Eine Quartiersmanagerin für die Elberfelder Innenstadt");
        assertThat(titles("Radabstellanlage")).first().isEqualTo("Fahrradparken direkt vor den Geschäften");
    }

    @Test
    void shortWordsGetNoFuzzyNoise() throws Exception {
        // "Rad" is a word of its own: no edit-distance variants such as "Rat", "Bad" or "Rand"
        String body = search(get("/api/catalog/search").param("q", "Xqzv"));
        assertThat(JsonPath.<Integer>read(body, "$.totalItems")).isZero();
    }

    @Test
    void highlightsShowWhichSectionMatchedAndEscapeTheText() throws Exception {
        String body = search(get("/api/catalog/search").param("q", "Fehler Bürgerbeteiligung"));
        assertThat(JsonPath.<String>read(body, "$.items[0].title")).startsWith("Bürgerbeteiligung");
        List<String> lessons = JsonPath.read(body, "$.items[0].highlights.lessons");
        assertThat(lessons).singleElement().asString().contains("<mark>");
        assertThat(JsonPath.<Double>read(body, "$.items[0].score")).isPositive();
        // lists that show no passages ask for none: the same hits, without highlights
        String plain = search(get("/api/catalog/search").param("q", "Fehler Bürgerbeteiligung")
                .param("highlight", "false"));
        assertThat(JsonPath.<String>read(plain, "$.items[0].id")).isEqualTo(JsonPath.read(body, "$.items[0].id"));
        assertThat(JsonPath.<Map<String, Object>>read(plain, "$.items[0].highlights")).isEmpty();

        // a typo of a word no case holds yet: no correction (remembered only until the index changes)
        assertThat(JsonPath.<Integer>read(search(get("/api/catalog/search").param("q", "Xylophonn")), "$.totalItems"))
                .isZero();

        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        String current = mvc.perform(get("/api/catalog/cases/{id}", id)
                .header("Authorization", "Bearer " + kommune(FLENSBURG))).andReturn().getResponse()
                .getContentAsString();
        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Konzert mit Xylophon <script>alert(1)</script>", "teaser": "Ein Test & mehr",
                                 "ags": "%s", "topics": ["events"], "version": %d,
                                 "lessons": "Das <b>Xylophon</b> war zu laut."}"""
                                .formatted(FLENSBURG, JsonPath.<Integer>read(current, "$.version"))))
                .andExpect(status().isOk());
        submit(kommune(FLENSBURG), id);
        publish(id);

        String found = search(get("/api/catalog/search").param("q", "Xylophon"));
        assertThat(JsonPath.<String>read(found, "$.items[0].id")).isEqualTo(id);
        assertThat(JsonPath.<String>read(found, "$.items[0].title"))
                .as("the summary is JSON text, not HTML").isEqualTo("Konzert mit Xylophon <script>alert(1)</script>");
        String title = JsonPath.<List<String>>read(found, "$.items[0].highlights.title").getFirst();
        assertThat(title).isEqualTo("Konzert mit <mark>Xylophon</mark> &lt;script&gt;alert(1)&lt;&#x2F;script&gt;");
        String lessons2 = JsonPath.<List<String>>read(found, "$.items[0].highlights.lessons").getFirst();
        assertThat(lessons2).isEqualTo("Das &lt;b&gt;<mark>Xylophon</mark>&lt;&#x2F;b&gt; war zu laut.");
        assertThat(JsonPath.<Map<String, Object>>read(found, "$.items[0].highlights"))
                .as("only the sections that matched").containsOnlyKeys("title", "lessons");

        // the typo now finds the case, and the highlight marks the word it was corrected to
        String typo = search(get("/api/catalog/search").param("q", "Xylophonn"));
        assertThat(JsonPath.<String>read(typo, "$.items[0].id")).isEqualTo(id);
        assertThat(JsonPath.<List<String>>read(typo, "$.items[0].highlights.lessons").getFirst())
                .contains("<mark>Xylophon</mark>");
    }

    @Test
    void facetsAreCountedDrillSideways() throws Exception {
        String all = search(get("/api/catalog/search").param("size", "1"));
        String filtered = search(get("/api/catalog/search").param("topic", "leerstand").param("size", "100"));

        // the counts of the topic facet ignore the topic filter: the other topics stay selectable
        assertThat(counts(filtered, "topic")).isEqualTo(counts(all, "topic"));
        // every other facet is counted within the filter
        long total = JsonPath.<Integer>read(filtered, "$.totalItems");
        assertThat(total).isEqualTo(counts(all, "topic").get("leerstand"));
        assertThat(counts(filtered, "land").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(JsonPath.<List<List<String>>>read(filtered, "$.items[*].topics"))
                .allSatisfy(topics -> assertThat(topics).contains("leerstand"));

        // two values of one facet: either; the labels are German
        String two = search(get("/api/catalog/search").param("topic", "leerstand", "citylogistik"));
        assertThat(JsonPath.<Integer>read(two, "$.totalItems"))
                .isGreaterThan((int) total).isLessThanOrEqualTo((int) (total + counts(all, "topic").get("citylogistik")));
        assertThat(JsonPath.<List<String>>read(two, "$.facets.topic[?(@.value == 'leerstand')].label"))
                .containsExactly("Standortförderung und Leerstand");
        assertThat(JsonPath.<List<String>>read(two, "$.facets.land[?(@.value == 'SH')].label"))
                .containsExactly("Schleswig-Holstein");

        // two facets selected: each is counted with the other's filter only
        String both = search(get("/api/catalog/search").param("topic", "leerstand").param("land", "SH"));
        String onlyLand = search(get("/api/catalog/search").param("land", "SH"));
        assertThat(counts(both, "topic")).isEqualTo(counts(onlyLand, "topic"));
        assertThat(counts(both, "land")).isEqualTo(counts(filtered, "land"));
        long hits = JsonPath.<Integer>read(both, "$.totalItems");
        assertThat(hits).isEqualTo(counts(filtered, "land").get("SH")).isPositive();
        assertThat(counts(both, "townType").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(hits);
    }

    @Test
    void filtersNarrowTheResult() throws Exception {
        String body = search(get("/api/catalog/search").param("projectStatus", "RUNNING").param("land", "BY", "TH")
                .param("size", "100"));
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].projectStatus")).isNotEmpty()
                .allMatch("RUNNING"::equals);
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].municipality.stateCode"))
                .allMatch(code -> code.equals("BY") || code.equals("TH"));

        String cheap = search(get("/api/catalog/search").param("budgetMax", "50000").param("size", "100"));
        List<Map<String, Object>> budgets = JsonPath.read(cheap, "$.items[*].budget");
        assertThat(budgets).isNotEmpty().allSatisfy(b -> assertThat(((Number) b.get("maxEur")).longValue())
                .isLessThanOrEqualTo(50_000));
        // the budget buckets are counted without the budget filter and name the value to pass
        assertThat(JsonPath.<List<String>>read(cheap, "$.facets.budget[*].value")).contains("50000", "1000000");
        assertThat(JsonPath.<List<String>>read(cheap, "$.facets.budget[?(@.value == '50000')].label"))
                .containsExactly("bis 50.000 €");

        String withLessons = search(get("/api/catalog/search").param("hasLessons", "true").param("q", "Leerstand")
                .param("startedFrom", "2020-01-01").param("startedTo", "2021-12-31"));
        assertThat(JsonPath.<List<Boolean>>read(withLessons, "$.items[*].hasLessons")).isNotEmpty()
                .allMatch(Boolean.TRUE::equals);
        assertThat(JsonPath.<List<String>>read(withLessons, "$.items[*].startDate"))
                .allMatch(d -> d.compareTo("2020-01-01") >= 0 && d.compareTo("2021-12-31") <= 0);
    }

    @Test
    void sortsAndPages() throws Exception {
        List<String> newest = JsonPath.read(search(get("/api/catalog/search").param("sort", "newest")
                .param("size", "100")), "$.items[*].publishedAt");
        assertThat(newest).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        String helpfulId = JsonPath.read(search(get("/api/catalog/search").param("q", "Dorfladen")), "$.items[0].id");
        mvc.perform(as(kommune(KIEL), put("/api/catalog/cases/{id}/helpful", helpfulId))).andExpect(status().isOk());
        mvc.perform(as(partner(), put("/api/catalog/cases/{id}/helpful", helpfulId))).andExpect(status().isOk());
        String byHelpful = search(get("/api/catalog/search").param("sort", "helpful"));
        assertThat(JsonPath.<List<Integer>>read(byHelpful, "$.items[*].helpfulCount"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(JsonPath.<Integer>read(byHelpful, "$.items[0].helpfulCount")).isGreaterThanOrEqualTo(2);

        List<String> first = JsonPath.read(search(get("/api/catalog/search").param("size", "5")), "$.items[*].id");
        List<String> second = JsonPath.read(search(get("/api/catalog/search").param("size", "5").param("page", "1")),
                "$.items[*].id");
        assertThat(first).hasSize(5);
        assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
    }

    @Test
    void onlyPublishedCasesAreFoundAndArchivedOnesLeave() throws Exception {
        String draft = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        String published = publishedCase(FLENSBURG, "leerstand");
        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", draft)).contentType(MediaType.APPLICATION_JSON)
                .content(createBody("Quokkagehege im Entwurf", FLENSBURG, List.of("leerstand"))
                        .replace("}", ", \"version\": 0}"))).andExpect(status().isOk());
        assertThat(JsonPath.<Integer>read(search(as(kommune(FLENSBURG), get("/api/catalog/search"))
                .param("q", "Quokkagehege")), "$.totalItems")).isZero();

        assertThat(JsonPath.<List<String>>read(search(get("/api/catalog/search").param("q", "Pop-up-Stores")
                .param("size", "100")), "$.items[*].id")).contains(published);
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/archive", published))).andExpect(status().isOk());
        assertThat(JsonPath.<List<String>>read(search(get("/api/catalog/search").param("q", "Pop-up-Stores")
                .param("size", "100")), "$.items[*].id")).doesNotContain(published);
    }

    @Test
    void suggestsTopicsPlacesAndTitles() throws Exception {
        String lee = search(get("/api/catalog/search/suggest").param("q", "Lee"));
        assertThat(JsonPath.<List<String>>read(lee, "$.suggestions[?(@.type == 'topic')].value"))
                .contains("leerstand");
        assertThat(JsonPath.<List<String>>read(lee, "$.suggestions[?(@.type == 'case')].text"))
                .contains("Leerstandsmanagement mit Kataster und Eigentümeransprache");
        assertThat(JsonPath.<List<Object>>read(lee, "$.suggestions")).hasSizeLessThanOrEqualTo(10);
        // the time inside the service, per request (W3C Server-Timing)
        mvc.perform(get("/api/catalog/search/suggest").param("q", "Lee"))
                .andExpect(header().string("Server-Timing", matchesPattern("suggest;dur=\\d+\\.\\d{3}")));
        mvc.perform(get("/api/catalog/search").param("q", "Leerstand"))
                .andExpect(header().string("Server-Timing", matchesPattern("search;dur=\\d+\\.\\d{3}")));

        String place = search(get("/api/catalog/search/suggest").param("q", "goer"));
        assertThat(JsonPath.<List<String>>read(place, "$.suggestions[?(@.type == 'place')].text"))
                .contains("Görlitz, Stadt");
        assertThat(JsonPath.<List<Object>>read(search(get("/api/catalog/search/suggest").param("q", " ")),
                "$.suggestions")).isEmpty();
    }

    @Test
    void badParametersAreNamed() throws Exception {
        expectBadField(get("/api/catalog/search").param("topic", "unbekannt"), "topic");
        expectBadField(get("/api/catalog/search").param("land", "XX"), "land");
        expectBadField(get("/api/catalog/search").param("townType", "99"), "townType");
        expectBadField(get("/api/catalog/search").param("projectStatus", "DONE"), "projectStatus");
        expectBadField(get("/api/catalog/search").param("sort", "random"), "sort");
        expectBadField(get("/api/catalog/search").param("startedFrom", "2022-01-01").param("startedTo", "2021-01-01"),
                "startedTo");
        expectBadField(get("/api/catalog/search").param("page", "200").param("size", "100"), "page");
        expectBadField(get("/api/catalog/search").param("q", "x".repeat(201)), "q");
        mvc.perform(get("/api/catalog/search").param("size", "101")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/catalog/search").param("budgetMax", "-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/catalog/search").param("startedFrom", "gestern")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startedFrom"));
        // only stop words: nothing to search for, an empty answer
        assertThat(JsonPath.<Integer>read(search(get("/api/catalog/search").param("q", "der die das")),
                "$.totalItems")).isZero();
    }

    private void expectBadField(MockHttpServletRequestBuilder request, String field) throws Exception {
        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
    }

    private static Map<String, Long> counts(String body, String facet) {
        Map<String, Long> out = new HashMap<>();
        List<Map<String, Object>> values = JsonPath.read(body, "$.facets." + facet);
        values.forEach(v -> out.put((String) v.get("value"), ((Number) v.get("count")).longValue()));
        return out;
    }
}
