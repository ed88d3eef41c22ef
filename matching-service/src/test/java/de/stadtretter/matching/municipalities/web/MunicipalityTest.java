package de.stadtretter.matching.municipalities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.TestKafka;
import de.stadtretter.testing.TestTokens;

/** Municipality profiles and "towns like mine", on the real Destatis list. */
class MunicipalityTest extends MatchingServiceTest {

    static final String HUSUM = "01054056";
    static final String FLENSBURG = "01001000";
    static final String MUENCHEN = "09162000";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private static String kommune(String ags) {
        return "Bearer " + TestTokens.get().token("kommune-" + ags, "kommune", ags);
    }

    @Test
    void aProfileHasTheFactsOfTheReferenceData() throws Exception {
        mvc.perform(get("/api/matching/municipalities/{ags}", FLENSBURG)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Flensburg, Stadt"))
                .andExpect(jsonPath("$.population").value(90164))
                .andExpect(jsonPath("$.stateCode").value("SH"))
                .andExpect(jsonPath("$.townType.label").value("Größere Mittelstadt"))
                .andExpect(jsonPath("$.setting").value("URBAN"));
        mvc.perform(get("/api/matching/municipalities/{ags}", HUSUM)).andExpect(status().isOk())
                .andExpect(jsonPath("$.districtName").value("Nordfriesland"))
                .andExpect(jsonPath("$.setting").value("RURAL"));
        mvc.perform(get("/api/matching/municipalities/{ags}", "99999999")).andExpect(status().isNotFound());
        mvc.perform(get("/api/matching/municipalities/{ags}", "Husum")).andExpect(status().isNotFound());
    }

    @Test
    void townsLikeHusumAreRuralSmallerMiddleTownsOfItsSizeWithGermanReasons() throws Exception {
        String body = mvc.perform(get("/api/matching/municipalities/{ags}/similar", HUSUM).param("size", "10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        assertThat(items).hasSize(10);
        assertThat(items).extracting(i -> i.get("ags")).doesNotContain(HUSUM);
        for (Map<String, Object> item : items) {
            long population = ((Number) item.get("population")).longValue();
            assertThat(population).as("%s", item.get("name")).isBetween(15_000L, 35_000L);
            assertThat(item.get("townType")).isEqualTo("Kleinere Mittelstadt");
        }
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) items.getFirst().get("reasons");
        assertThat(reasons).anyMatch(r -> r.matches("ähnliche Größe: \\d{2}\\.000 Einwohner \\(Sie: 23\\.000\\)"));
        assertThat(reasons).contains("ebenfalls eine kleinere Mittelstadt in ländlicher Lage");
        assertThat(reasons).noneMatch(r -> r.contains("Schleswig-Holstein"));
        // scores fall from the first to the last
        List<Double> scores = items.stream().map(i -> ((Number) i.get("score")).doubleValue()).toList();
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // a big city's peers are big cities
        String munich = mvc.perform(get("/api/matching/municipalities/{ags}/similar", MUENCHEN).param("size", "3"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(munich, "$.items[*].name"))
                .allMatch(n -> n.startsWith("Berlin") || n.startsWith("Hamburg") || n.startsWith("Köln")
                        || n.startsWith("Frankfurt") || n.startsWith("Stuttgart") || n.startsWith("Düsseldorf"));
        mvc.perform(get("/api/matching/municipalities/{ags}/similar", HUSUM).param("size", "51"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aKommuneDescribesItselfAndSharedWorkBecomesAReason() throws Exception {
        String meldorf = "01051074";
        String bitburg = "07232018";
        mvc.perform(put("/api/matching/municipalities/{ags}", meldorf).header(HttpHeaders.AUTHORIZATION,
                        kommune(bitburg)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focusTopics\": [\"leerstand\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/matching/municipalities/{ags}", meldorf).contentType(MediaType.APPLICATION_JSON)
                .content("{\"focusTopics\": [\"leerstand\"]}")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/matching/municipalities/{ags}", meldorf).header(HttpHeaders.AUTHORIZATION,
                        kommune(meldorf)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focusTopics\": [\"keins\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("focusTopics"));
        mvc.perform(put("/api/matching/municipalities/{ags}", meldorf).header(HttpHeaders.AUTHORIZATION,
                        kommune(meldorf)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focusTopics\": [\"leerstand\", \"organisation\"], "
                                + "\"selfDescription\": \"Kleinstadt an der Westküste.\\nViele leere Läden.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.focusTopics[0]").value("leerstand"));
        mvc.perform(put("/api/matching/municipalities/{ags}", meldorf).header(HttpHeaders.AUTHORIZATION,
                        kommune(meldorf)).header(HttpHeaders.IF_MATCH, "\"7\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focusTopics\": [\"leerstand\"]}"))
                .andExpect(status().isPreconditionFailed());

        // the tenth most similar town publishes a case on Leerstand: for Meldorf a reason, and a higher score
        String before = mvc.perform(get("/api/matching/municipalities/{ags}/similar", meldorf).param("size", "10"))
                .andReturn().getResponse().getContentAsString();
        String other = JsonPath.read(before, "$.items[9].ags");
        double scoreBefore = scoreOf(meldorf, other);
        assertThat(JsonPath.<List<String>>read(before, "$.items[9].reasons"))
                .noneMatch(r -> r.startsWith("arbeitet auch an"));
        UUID caseId = UUID.randomUUID();
        String event = CaseEvents.published(caseId, "Leerstandsmelder", "leerstand")
                .replace("\"ags\":\"01001000\"", "\"ags\":\"" + other + "\"");
        assertThat(event).contains("\"ags\":\"" + other + "\"");
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), event);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> scoreOf(meldorf, other) > scoreBefore);
        String after = mvc.perform(get("/api/matching/municipalities/{ags}/similar", meldorf).param("size", "50"))
                .andReturn().getResponse().getContentAsString();
        List<List<String>> reasons = JsonPath.read(after, "$.items[?(@.ags == '" + other + "')].reasons");
        assertThat(reasons.getFirst()).contains("arbeitet auch an „Standortförderung und Leerstand“",
                "hat ein Praxisbeispiel veröffentlicht");
        assertThat(bitburg).isNotEqualTo(other);
    }

    @Test
    void aMunicipalitysPublishedCasesAreListedNewestFirst() throws Exception {
        String wesel = "05170048";
        UUID caseId = UUID.randomUUID();
        String event = CaseEvents.published(caseId, "Lichtinstallationen am Rheinufer", "erlebnisraum")
                .replace("\"01001000\"", "\"" + wesel + "\"");
        TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(), event);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(
                get("/api/matching/municipalities/{ags}/cases", wesel)).andReturn().getResponse()
                .getContentAsString().contains(caseId.toString()));
        mvc.perform(get("/api/matching/municipalities/{ags}/cases", wesel).param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].caseId").value(caseId.toString()))
                .andExpect(jsonPath("$.items[0].title").value("Lichtinstallationen am Rheinufer"))
                .andExpect(jsonPath("$.items[0].topics[0]").value("erlebnisraum"));
        mvc.perform(get("/api/matching/municipalities/{ags}/cases", "99999999")).andExpect(status().isNotFound());
        mvc.perform(get("/api/matching/municipalities/{ags}/cases", wesel).param("size", "101"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anOpenNeedOnTheSameTopicIsAReason() throws Exception {
        String flensburgs = mvc.perform(get("/api/matching/municipalities/{ags}/similar", FLENSBURG)
                .param("size", "5")).andReturn().getResponse().getContentAsString();
        String other = JsonPath.read(flensburgs, "$.items[4].ags");
        for (String town : List.of(FLENSBURG, other)) {
            mvc.perform(post("/api/matching/needs").header(HttpHeaders.AUTHORIZATION, kommune(town))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"ags": "%s", "title": "Abends mehr Leben", "description": "Die Stadt ist abends leer.",
                             "topics": ["erlebnisraum"], "visibility": "MEMBERS"}""".formatted(town)))
                    .andExpect(status().isCreated());
        }
        String after = mvc.perform(get("/api/matching/municipalities/{ags}/similar", FLENSBURG).param("size", "50"))
                .andReturn().getResponse().getContentAsString();
        List<List<String>> reasons = JsonPath.read(after, "$.items[?(@.ags == '" + other + "')].reasons");
        assertThat(reasons).isNotEmpty();
        assertThat(reasons.getFirst()).contains("sucht ebenfalls nach Lösungen zu „Erlebnis- und Lebensraum“");
    }

    /** {@code other}'s score among the 50 towns most like {@code town}; 0 if it is not among them. */
    private double scoreOf(String town, String other) throws Exception {
        String body = mvc.perform(get("/api/matching/municipalities/{ags}/similar", town).param("size", "50"))
                .andReturn().getResponse().getContentAsString();
        List<Number> scores = JsonPath.read(body, "$.items[?(@.ags == '" + other + "')].score");
        return scores.isEmpty() ? 0 : scores.getFirst().doubleValue();
    }
}
