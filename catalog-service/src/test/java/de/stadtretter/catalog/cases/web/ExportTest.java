package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open-data export over a real HTTP connection: published cases only, no contact data, licence in the headers. */
class ExportTest extends CatalogIntegrationTest {

    @LocalServerPort
    int port;

    private String publishedWithContact(String title) throws Exception {
        String body = """
                {"title": "%s", "teaser": "Teaser; mit Semikolon", "ags": "01001000", "topics": ["leerstand"],
                 "lessons": "=SUMME(A1)\\nZweite Zeile mit \\"Zitat\\"",
                 "contact": {"name": "Geheim Person", "email": "geheim@example.org"}}""".formatted(title);
        String id = JsonPath.read(mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        submit(kommune(FLENSBURG), id);
        publish(id);
        return id;
    }

    private HttpResponse<String> export(String format) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/catalog/export?format=" + format)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonLinesHoldEveryPublishedCaseWithoutContactData() throws Exception {
        String published = publishedWithContact("Export als JSON Lines");
        String draft = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");

        HttpResponse<String> response = export("jsonl");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jsonl");
        assertThat(response.headers().firstValue("Link").orElseThrow())
                .isEqualTo("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
        assertThat(response.headers().firstValue("X-Attribution").orElseThrow()).contains("Stadtretter");
        assertThat(response.headers().firstValue("X-Generated-At")).isPresent();
        assertThat(response.body()).doesNotContain("geheim@example.org").doesNotContain("Geheim Person");
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = response.body().lines().map(json::readTree).toList();
        assertThat(lines).extracting(n -> n.path("id").asString()).contains(published).doesNotContain(draft);
        assertThat(lines).allSatisfy(n -> assertThat(n.path("status").asString()).isEqualTo("PUBLISHED"));
    }

    @Test
    void csvQuotesTextAndNeverLetsASpreadsheetRunAFormula() throws Exception {
        String published = publishedWithContact("Export als CSV");
        HttpResponse<String> response = export("csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String body = response.body();
        assertThat(body).startsWith("\uFEFFid;title;teaser;ags;municipality");
        assertThat(body).contains(published + ";Export als CSV;\"Teaser; mit Semikolon\";01001000;Flensburg, Stadt");
        assertThat(body).contains("\"'=SUMME(A1)\nZweite Zeile mit \"\"Zitat\"\"\"");
        assertThat(body).doesNotContain("geheim@example.org");
    }

    @Test
    void anUnknownFormatIs400() throws Exception {
        mvc.perform(get("/api/catalog/export").param("format", "xml")).andExpect(status().isBadRequest());
    }
}
