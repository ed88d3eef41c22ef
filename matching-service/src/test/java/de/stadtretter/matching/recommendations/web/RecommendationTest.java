package de.stadtretter.matching.recommendations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.PartnerEvents;
import de.stadtretter.testing.TestKafka;
import de.stadtretter.testing.TestTokens;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recommendations through the service: cases and partners arrive as the producers' events on real Kafka, land in
 * PostgreSQL and the index, and a Kommune's need — in its own everyday words — is answered with them and the reasons.
 */
class RecommendationTest extends MatchingServiceTest {

    static final String HUSUM = "01054056";
    static final String KIEL = "01002000";
    static final UUID ASSOCIATION = UUID.randomUUID();
    static final UUID PARKING = UUID.randomUUID();
    static final UUID AGENCY = UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String NEED = """
            {"ags": "%s", "title": "Die Händler sollen gemeinsam auftreten",
             "description": "Jeder Laden wirbt für sich allein. Wie bringt man die Geschäftsleute an einen Tisch?",
             "topics": [], "visibility": "%s"}""";

    @BeforeAll
    static void publish(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        TestKafka.send(brokers, CaseEvents.TOPIC, ASSOCIATION.toString(), kase(ASSOCIATION,
                "Werbegemeinschaft der Altstadthändler gegründet",
                "Vierzig Geschäfte treten als Händlerverein mit gemeinsamer Dachmarke auf.",
                "Jeder Betrieb warb einzeln; die Kundschaft kannte das Angebot der Altstadt nicht.",
                "Der erste gemeinsame Auftritt kam zu spät im Jahr; der Verein braucht von Anfang an eine bezahlte "
                        + "Geschäftsführung, sonst schläft die Werbegemeinschaft nach einem Jahr ein."));
        TestKafka.send(brokers, CaseEvents.TOPIC, PARKING.toString(), kase(PARKING,
                "Parkleitsystem mit freien Stellplätzen in Echtzeit",
                "Sensoren zählen die freien Stellplätze der Parkhäuser.",
                "Autofahrer kreisten auf der Suche nach einem Parkplatz durch die Altstadt.",
                "Die Sensoren brauchen Wartung."));
        TestKafka.send(brokers, PartnerEvents.PROFILE_TOPIC, AGENCY.toString(), partner());
    }

    private static String kase(UUID id, String title, String teaser, String problem, String lessons) {
        ObjectNode event = (ObjectNode) JSON.readTree(CaseEvents.published(id, title, "marketing"));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("teaser", teaser);
        data.put("problem", problem);
        data.put("objectives", "");
        data.put("approach", "");
        data.put("implementation", "");
        data.put("results", "");
        data.put("resources", "");
        data.put("transferability", "");
        data.put("lessons", lessons);
        data.putArray("tags");
        String json = JSON.writeValueAsString(event);
        assertThat(EventSchemas.errors(CaseEvents.schema(), json)).isEmpty();
        return json;
    }

    private static String partner() {
        ObjectNode event = (ObjectNode) JSON.readTree(
                PartnerEvents.published(AGENCY, "Altstadtberatung Nord GmbH", ASSOCIATION, "Moderation"));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("description", "Wir moderieren Händler und Eigentümer auf dem Weg zur Standortgemeinschaft.");
        data.putArray("topics").add("marketing");
        data.putArray("regions").add("SH");
        ObjectNode offering = (ObjectNode) data.withArray("offerings").get(0);
        offering.put("title", "Aufbau einer Werbegemeinschaft");
        offering.put("description", "Gründungsversammlung, Satzung und gemeinsamer Werbeauftritt.");
        offering.putArray("topics").add("marketing");
        offering.putArray("regions").add("SH");
        String json = JSON.writeValueAsString(event);
        assertThat(EventSchemas.errors(PartnerEvents.schema(PartnerEvents.PUBLISHED_TYPE), json)).isEmpty();
        return json;
    }

    private static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static String kommune(String ags) {
        return TestTokens.get().token("kommune-" + ags, "kommune", ags);
    }

    private String tryOut(String body) throws Exception {
        return mvc.perform(as(kommune(HUSUM), post("/api/matching/recommendations"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String awaitRecommended() {
        String[] response = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            response[0] = tryOut(NEED.formatted(HUSUM, "PUBLIC"));
            List<String> cases = JsonPath.read(response[0], "$.cases[*].caseId");
            List<String> partners = JsonPath.read(response[0], "$.partners[*].partnerId");
            return cases.contains(ASSOCIATION.toString()) && partners.contains(AGENCY.toString());
        });
        return response[0];
    }

    @Test
    void aNeedInEverydayWordsGetsTheCaseThatSolvesItAndThePartnerWhoDeliveredItWithGermanReasons() {
        String response = awaitRecommended();

        List<String> cases = JsonPath.read(response, "$.cases[*].caseId");
        assertThat(cases.indexOf(ASSOCIATION.toString())).as("the association case before the parking case")
                .isLessThan(cases.contains(PARKING.toString()) ? cases.indexOf(PARKING.toString()) : Integer.MAX_VALUE)
                .isZero();
        List<String> caseReasons = JsonPath.read(response, "$.cases[0].reasons");
        assertThat(String.join(" | ", caseReasons)).contains("„").containsIgnoringCase("werbegemeinschaft");
        assertThat((String) JsonPath.read(response, "$.cases[0].municipality.name")).isEqualTo("Flensburg, Stadt");
        assertThat(((Number) JsonPath.read(response, "$.cases[0].score")).doubleValue()).isBetween(0.0, 1.0);

        assertThat((String) JsonPath.read(response, "$.partners[0].partnerId")).isEqualTo(AGENCY.toString());
        List<String> partnerReasons = JsonPath.read(response, "$.partners[0].reasons");
        assertThat(partnerReasons).anyMatch(r -> r.contains("Aufbau einer Werbegemeinschaft"))
                .anyMatch(r -> r.equals("in Schleswig-Holstein tätig"))
                .anyMatch(r -> r.contains("Werbegemeinschaft der Altstadthändler gegründet"));

        List<String> towns = JsonPath.read(response, "$.municipalities[*].ags");
        assertThat(towns).isNotEmpty().doesNotContain(HUSUM);
        List<String> townReasons = JsonPath.read(response, "$.municipalities[0].reasons");
        assertThat(townReasons).isNotEmpty();
    }

    @Test
    void aSavedNeedIsAnsweredForWhoeverMaySeeIt() throws Exception {
        awaitRecommended();
        String created = mvc.perform(as(kommune(HUSUM), post("/api/matching/needs"))
                        .contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(HUSUM, "PRIVATE")
                                .replace("\"topics\": []", "\"topics\": [\"marketing\"]")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(as(kommune(HUSUM), get("/api/matching/needs/{id}/recommendations", id)).param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases.length()").value(1))
                .andExpect(jsonPath("$.cases[0].caseId").value(ASSOCIATION.toString()))
                .andExpect(jsonPath("$.partners[0].partnerId").value(AGENCY.toString()));
        mvc.perform(as(kommune(KIEL), get("/api/matching/needs/{id}/recommendations", id)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/matching/needs/{id}/recommendations", id)).andExpect(status().isNotFound());
        mvc.perform(as(kommune(HUSUM), get("/api/matching/needs/{id}/recommendations", UUID.randomUUID())))
                .andExpect(status().isNotFound());
    }

    @Test
    void badRequestsAreAnsweredWithTheFieldsNamed() throws Exception {
        mvc.perform(post("/api/matching/recommendations").contentType(MediaType.APPLICATION_JSON)
                .content(NEED.formatted(HUSUM, "PUBLIC"))).andExpect(status().isUnauthorized());
        mvc.perform(as(kommune(HUSUM), post("/api/matching/recommendations")).contentType(MediaType.APPLICATION_JSON)
                        .content(NEED.formatted("99999999", "PUBLIC")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ags"));
        mvc.perform(as(kommune(HUSUM), post("/api/matching/recommendations")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ags\": \"" + HUSUM + "\", \"title\": \" \", \"topics\": [\"keins\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("title", "topics")));
        for (String size : List.of("0", "51", "viele")) {
            mvc.perform(as(kommune(HUSUM), post("/api/matching/recommendations")).param("size", size)
                            .contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(HUSUM, "PUBLIC")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        }
    }
}
