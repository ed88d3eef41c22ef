package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

class CaseValidationTest extends CatalogIntegrationTest {

    private ResultActions create(String json) throws Exception {
        return mvc.perform(as(redaktion(), post("/api/catalog/cases")).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static List<String> fields(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.errors[*].field");
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        ResultActions result = create("{}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/validation")));
        assertThat(fields(result)).containsExactlyInAnyOrder("ags", "teaser", "title", "topics");
    }

    @Test
    void tooLongTextsUnknownMunicipalitiesAndUnknownTopicsAreNamed() throws Exception {
        String json = """
                {"title": "%s", "teaser": "%s", "ags": "99999999", "topics": ["leerstand", "kein-thema"]}"""
                .formatted("T".repeat(121), "t".repeat(301));
        ResultActions result = create(json).andExpect(status().isBadRequest());
        assertThat(fields(result)).containsExactlyInAnyOrder("ags", "teaser", "title", "topics");
    }

    @Test
    void theAgsMustNameAMunicipalityNotJustADistrict() throws Exception {
        // 01058 is Rendsburg-Eckernförde, but it has no municipality 999
        ResultActions result = create("""
                {"title": "Ok", "teaser": "Ok", "ags": "01058999", "topics": ["leerstand"]}""")
                .andExpect(status().isBadRequest());
        assertThat(fields(result)).containsExactly("ags");
    }

    @Test
    void limitsAreInclusive() throws Exception {
        String json = """
                {"title": "%s", "teaser": "%s", "ags": "01001000", "topics": ["leerstand"]}"""
                .formatted("T".repeat(120), "t".repeat(300));
        create(json).andExpect(status().isCreated());
    }

    @Test
    void blankTitleMalformedAgsEmptyTopicsAndDuplicateTopics() throws Exception {
        assertThat(fields(create("""
                {"title": "  ", "teaser": "ok", "ags": "0100100", "topics": []}""")
                .andExpect(status().isBadRequest()))).containsExactlyInAnyOrder("ags", "title", "topics");
        assertThat(fields(create("""
                {"title": "ok", "teaser": "ok", "ags": "0100100a", "topics": ["leerstand", "leerstand"]}""")
                .andExpect(status().isBadRequest()))).containsExactlyInAnyOrder("ags", "topics");
    }

    @Test
    void malformedJsonIs400NotAServerError() throws Exception {
        create("{\"title\": \"x\", ").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/malformed-request")));
        create("").andExpect(status().isBadRequest());
        create("[1, 2]").andExpect(status().isBadRequest());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws Exception {
        create("""
                {"title": "ok", "teaser": "ok", "ags": "01001000", "topics": {"a": 1}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topics"));

        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "ok", "teaser": "ok", "topics": ["events"], "version": "neu"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void anEditNeedsAVersionAndValidContent() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        ResultActions result = mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "", "teaser": "ok", "topics": ["nope"]}"""))
                .andExpect(status().isBadRequest());
        assertThat(fields(result)).containsExactlyInAnyOrder("title", "topics", "version");
    }

    @Test
    void listParametersAreChecked() throws Exception {
        mvc.perform(get("/api/catalog/cases").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/catalog/cases").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/catalog/cases").param("status", "FERTIG"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/catalog/cases").param("topic", "kein-thema"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topic"));
        mvc.perform(get("/api/catalog/cases").param("size", "100")).andExpect(status().isOk());
    }
}
