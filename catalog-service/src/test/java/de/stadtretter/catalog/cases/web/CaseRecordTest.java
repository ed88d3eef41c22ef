package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

/** The complete case record: every field stored and returned as sent, the rules across fields, the contact's privacy. */
class CaseRecordTest extends CatalogIntegrationTest {

    private static final String FULL = """
            {"title": "Leerstandsmanagement mit Zwischennutzung",
             "teaser": "Leere Läden werden über eine Agentur für drei bis zwölf Monate vermittelt.",
             "ags": "01001000", "topics": ["leerstand", "stadtgestaltung"], "tags": ["Pop-up", "Zwischennutzung"],
             "projectStatus": "COMPLETED", "startDate": "2021-03-01", "endDate": "2023-02-28",
             "problem": "Zwölf Ladenlokale standen leer.\\n\\nDie Eigentümer waren kaum erreichbar.",
             "objectives": "Leerstand halbieren.", "approach": "Eine Agentur vermittelt.",
             "implementation": "Erst Eigentümer, dann Gründerinnen.", "resources": "Zwei Stellen, Förderung.",
             "results": "Leerstand von 28,6 auf 4,1 %.",
             "lessons": "Die Mieten waren zu hoch angesetzt; wir würden früher mit den Eigentümern reden.",
             "transferability": "Braucht einen Leerstandskataster. <script>alert(1)</script>",
             "budget": {"minEur": 80000, "maxEur": 120000}, "fundingProgrammes": ["Zukunftsfähige Innenstädte"],
             "durationMonths": 24,
             "indicators": [{"name": "Leerstandsquote", "unit": "%", "before": 28.6, "after": 4.1,
                             "measuredAt": "2023-03-01"}],
             "actors": {"lead": "Stadt Flensburg, Wirtschaftsförderung", "stakeholders": ["Händlerverein"],
                        "partnerIds": ["3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f"]},
             "contact": {"name": "Erika Mustermann", "role": "Citymanagerin", "email": "erika@example.org",
                         "phone": "+49 461 123456"},
             "links": [{"title": "Projektseite", "url": "https://www.example.org/leerstand"}]}""";

    @Autowired
    JdbcClient jdbc;

    private ResultActions create(String json) throws Exception {
        return mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases")).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void everyFieldIsStoredAndReturnedAsSent() throws Exception {
        String body = create(FULL).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.tags[1]").value("Zwischennutzung"))
                .andExpect(jsonPath("$.projectStatus").value("COMPLETED"))
                .andExpect(jsonPath("$.startDate").value("2021-03-01"))
                .andExpect(jsonPath("$.endDate").value("2023-02-28"))
                .andExpect(jsonPath("$.problem").value("Zwölf Ladenlokale standen leer.\n\nDie Eigentümer waren "
                        + "kaum erreichbar."))
                .andExpect(jsonPath("$.lessons").value(org.hamcrest.Matchers.startsWith("Die Mieten")))
                .andExpect(jsonPath("$.transferability").value(org.hamcrest.Matchers.endsWith(
                        "<script>alert(1)</script>")))
                .andExpect(jsonPath("$.budget.minEur").value(80000))
                .andExpect(jsonPath("$.budget.maxEur").value(120000))
                .andExpect(jsonPath("$.fundingProgrammes[0]").value("Zukunftsfähige Innenstädte"))
                .andExpect(jsonPath("$.durationMonths").value(24))
                .andExpect(jsonPath("$.indicators[0].name").value("Leerstandsquote"))
                .andExpect(jsonPath("$.indicators[0].before").value(28.6))
                .andExpect(jsonPath("$.indicators[0].after").value(4.1))
                .andExpect(jsonPath("$.indicators[0].measuredAt").value("2023-03-01"))
                .andExpect(jsonPath("$.actors.lead").value("Stadt Flensburg, Wirtschaftsförderung"))
                .andExpect(jsonPath("$.actors.partnerIds[0]").value("3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f"))
                .andExpect(jsonPath("$.contact.email").value("erika@example.org"))
                .andExpect(jsonPath("$.links[0].url").value("https://www.example.org/leerstand"))
                .andExpect(jsonPath("$.municipality.population").value(90164))
                .andExpect(jsonPath("$.municipality.townType").value("21"));

        // a PUT replaces the content: what it leaves out is gone
        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Kürzer", "teaser": "Nur noch das Nötigste.", "topics": ["leerstand"],
                                 "version": 0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lessons").doesNotExist())
                .andExpect(jsonPath("$.contact").doesNotExist())
                .andExpect(jsonPath("$.indicators").isEmpty());
    }

    @Test
    void theContactIsForLoggedInMembersOnlyAndNeverInEvents() throws Exception {
        String id = JsonPath.read(create(FULL).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        submit(kommune(FLENSBURG), id);
        publish(id);

        mvc.perform(get("/api/catalog/cases/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lessons").value(org.hamcrest.Matchers.startsWith("Die Mieten")))
                .andExpect(jsonPath("$.contact").doesNotExist());
        mvc.perform(as(partner(), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.contact.name").value("Erika Mustermann"));
        List<String> payloads = jdbc.sql("select payload from outbox_event where message_key = :id")
                .param("id", id).query(String.class).list();
        assertThat(payloads).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("erika@example.org")
                .doesNotContain("Mustermann").doesNotContain("123456"));
    }

    @Test
    void rulesAcrossFieldsAndListsNameTheField() throws Exception {
        String bad = FULL.replace("\"endDate\": \"2023-02-28\"", "\"endDate\": \"2020-01-01\"")
                .replace("\"maxEur\": 120000", "\"maxEur\": 1000")
                .replace("https://www.example.org/leerstand", "javascript:alert(1)")
                .replace("\"topics\": [\"leerstand\", \"stadtgestaltung\"]",
                        "\"topics\": [\"leerstand\", \"stadtgestaltung\", \"events\", \"marketing\", \"mobilitaet\"]")
                .replace("\"email\": \"erika@example.org\"", "\"email\": \"keine-adresse\"")
                .replace("\"name\": \"Leerstandsquote\"", "\"name\": \"\"");
        String problem = create(bad).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        List<String> fields = JsonPath.read(problem, "$.errors[*].field");
        assertThat(fields).contains("endDate", "budget.maxEur", "links[0].url", "topics", "contact.email",
                "indicators[0].name");

        String wrongTypes = FULL.replace("\"durationMonths\": 24", "\"durationMonths\": 2.5")
                .replace("\"projectStatus\": \"COMPLETED\"", "\"projectStatus\": \"FERTIG\"");
        create(wrongTypes).andExpect(status().isBadRequest());
        String tooMany = FULL.replace("\"tags\": [\"Pop-up\", \"Zwischennutzung\"]",
                "\"tags\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]");
        assertThat((List<String>) JsonPath.read(create(tooMany).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(), "$.errors[*].field")).containsExactly("tags");
        String longSection = FULL.replace("\"objectives\": \"Leerstand halbieren.\"",
                "\"objectives\": \"" + "ä".repeat(20_001) + "\"");
        assertThat((List<String>) JsonPath.read(create(longSection).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(), "$.errors[*].field")).containsExactly("objectives");
    }
}
