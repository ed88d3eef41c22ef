package de.stadtretter.partner.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.partner.PartnerServiceTest;

/** The directory over the real index, kept current from PostgreSQL by polling. */
class DirectorySearchTest extends PartnerServiceTest {

    private UUID partner(String name, String description, List<String> topics, List<String> regions)
            throws Exception {
        UUID company = UUID.randomUUID();
        String body = profileBody(name, "info@example.org", topics, List.of("SH"))
                .replace("Wir begleiten Kommunen bei der Belebung ihrer Innenstädte.", description)
                .replace("\"regions\": [\"SH\"]", "\"regions\": " + json(regions));
        mvc.perform(as(partnerOf(company), post("/api/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isOk());
        return company;
    }

    private void confirmedReference(UUID company, String caseTitle, String ags, String topic) throws Exception {
        UUID caseId = publishedCase(caseTitle, ags, topic);
        String ref = claim(company, caseId, "Konzept und Umsetzung");
        mvc.perform(as(kommune(ags), post("/api/partners/references/{ref}/confirm", ref))).andExpect(status().isOk());
    }

    private String search(Map<String, String> params) throws Exception {
        var request = get("/api/partners/search");
        params.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> ids(String result) {
        return JsonPath.read(result, "$.items[*].id");
    }

    @Test
    void germanWordsFindTheProfileAndEvidenceDecidesBetweenEquallyRelevantOnes() throws Exception {
        String text = "Wir entwickeln Kaleidoskopläden: bunte Zwischennutzungen für leere Erdgeschosse.";
        UUID described = partner("Kaleidoskop Nord", text, List.of("leerstand"), List.of("SH"));
        UUID proven = partner("Kaleidoskop Süd", text, List.of("leerstand"), List.of("SH"));
        UUID claimedOnly = partner("Kaleidoskop West", text, List.of("leerstand"), List.of("SH"));
        confirmedReference(proven, "Kaleidoskopladen in Flensburg", FLENSBURG, "leerstand");
        claim(claimedOnly, publishedCase("Nur behauptet", KIEL, "leerstand"), "Beratung");

        // all three indexed, and the confirmation too (the index follows PostgreSQL by polling)
        await().atMost(Duration.ofSeconds(10)).until(() -> JsonPath.<List<Integer>>read(
                search(Map.of("q", "Kaleidoskopladen")), "$.items[*].confirmedReferences").equals(List.of(1, 0, 0)));
        // inflection and compound: "Kaleidoskopladen" finds "Kaleidoskopläden"; a typo as well
        String result = search(Map.of("q", "Kaleidoskopladen"));
        assertThat(ids(result)).first().isEqualTo(proven.toString());
        assertThat(ids(result)).containsExactlyInAnyOrder(proven.toString(), described.toString(),
                claimedOnly.toString());
        assertThat((Integer) JsonPath.read(result, "$.items[0].confirmedReferences")).isEqualTo(1);
        assertThat((String) JsonPath.read(result, "$.items[0].evidence[0].title"))
                .isEqualTo("Kaleidoskopladen in Flensburg");
        assertThat((String) JsonPath.read(result, "$.items[0].evidence[0].municipality")).isEqualTo("Flensburg, Stadt");
        assertThat((String) JsonPath.read(result, "$.items[0].evidence[0].role")).isEqualTo("Konzept und Umsetzung");
        double first = ((Number) JsonPath.read(result, "$.items[0].score")).doubleValue();
        double second = ((Number) JsonPath.read(result, "$.items[1].score")).doubleValue();
        assertThat(first).isGreaterThan(second);
        // the unconfirmed claim counts for nothing: both without evidence score the same
        assertThat(((Number) JsonPath.read(result, "$.items[2].score")).doubleValue()).isEqualTo(second);

        assertThat(ids(search(Map.of("q", "Kaleidoskpläden")))).contains(proven.toString());
        assertThat(ids(search(Map.of("q", "Zwischennutzung Erdgeschoss")))).contains(proven.toString());
    }

    @Test
    void aReferenceOnTheQueriedTopicWeighsMoreAndFacetsCountUnderTheOtherFilter() throws Exception {
        String text = "Wir moderieren Quastenflosser-Runden mit Händlern, Eigentümern und Verwaltung.";
        UUID onTopic = partner("Quastenflosser Marketing", text, List.of("marketing", "organisation"),
                List.of("SH"));
        UUID offTopic = partner("Quastenflosser Organisation", text, List.of("marketing", "organisation"),
                List.of("BY", "SH"));
        UUID nationwide = partner("Quastenflosser Bund", text, List.of("organisation"), List.of("DE"));
        confirmedReference(onTopic, "Stadtmarketing-Kampagne", FLENSBURG, "marketing");
        confirmedReference(offTopic, "Citymanagement aufgebaut", KIEL, "organisation");
        await().atMost(Duration.ofSeconds(10)).until(() -> JsonPath.<List<Integer>>read(
                search(Map.of("q", "Quastenflosser")), "$.items[*].confirmedReferences").stream()
                .mapToInt(Integer::intValue).sum() == 2);

        assertThat(ids(search(Map.of("q", "Quastenflosser", "topic", "marketing"))))
                .containsExactly(onTopic.toString(), offTopic.toString());
        assertThat(ids(search(Map.of("q", "Quastenflosser", "topic", "organisation"))))
                .containsExactly(offTopic.toString(), onTopic.toString(), nationwide.toString());

        // region: the Land itself or nationwide
        String inBavaria = search(Map.of("q", "Quastenflosser", "region", "BY"));
        assertThat(ids(inBavaria)).containsExactlyInAnyOrder(offTopic.toString(), nationwide.toString());
        assertThat((Integer) JsonPath.read(inBavaria, "$.totalItems")).isEqualTo(2);
        // the region facet is counted without the region filter, the topic facet with it
        assertThat(facet(inBavaria, "region", "SH")).isEqualTo(2);
        assertThat(facet(inBavaria, "region", "BY")).isEqualTo(1);
        assertThat(facet(inBavaria, "region", "DE")).isEqualTo(1);
        assertThat(facet(inBavaria, "topic", "marketing")).isEqualTo(1);
        assertThat(facet(inBavaria, "topic", "organisation")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(inBavaria, "$.facets.region[?(@.value == 'DE')].label"))
                .containsExactly("Bundesweit");

        assertThat(ids(search(Map.of("q", "Quastenflosser", "sort", "name"))))
                .containsExactly(nationwide.toString(), onTopic.toString(), offTopic.toString());
    }

    @Test
    void aDeletedOrRejectedProfileLeavesTheDirectory() throws Exception {
        UUID gone = partner("Eintagsfliege Beratung", "Beratung für Eintagsfliegenmärkte.", List.of("events"),
                List.of("SH"));
        UUID rejected = partner("Eintagsfliege Events", "Events rund um Eintagsfliegenmärkte.", List.of("events"),
                List.of("SH"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(Map.of("q", "Eintagsfliegenmarkt"))).size() == 2);
        mvc.perform(as(partnerOf(gone), delete("/api/partners/{id}", gone))).andExpect(status().isNoContent());
        mvc.perform(as(redaktion(), post("/api/partners/{id}/reject", rejected)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Bitte ergänzen Sie Referenzen.\"}")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(Map.of("q", "Eintagsfliegenmarkt"))).isEmpty());
    }

    @Test
    void invalidParametersAreNamed() throws Exception {
        mvc.perform(get("/api/partners/search").param("topic", "gibt-es-nicht").param("region", "XY")
                        .param("sort", "beliebt"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("topic", "region",
                        "sort")));
        mvc.perform(get("/api/partners/search").param("size", "101")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/partners/search").param("q", "x".repeat(201))).andExpect(status().isBadRequest());
    }

    private static int facet(String result, String dimension, String value) {
        List<Integer> counts = JsonPath.read(result, "$.facets." + dimension + "[?(@.value == '" + value + "')].count");
        return counts.isEmpty() ? 0 : counts.getFirst();
    }
}
