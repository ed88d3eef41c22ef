package de.stadtretter.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

/** The OpenAPI 3 description of the catalogue API: public, complete, with the German field descriptions. */
class OpenApiTest extends CatalogIntegrationTest {

    @Test
    void describesTheWholeCatalogueApiInGerman() throws Exception {
        String doc = mvc.perform(get("/api/catalog/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(doc, "$.openapi")).startsWith("3.");
        Map<String, Object> paths = JsonPath.read(doc, "$.paths");
        assertThat(paths).containsKeys("/api/catalog/cases", "/api/catalog/cases/{id}",
                "/api/catalog/cases/{id}/revision", "/api/catalog/cases/{id}/revision/publish",
                "/api/catalog/cases/{id}/helpful", "/api/catalog/search", "/api/catalog/search/suggest",
                "/api/catalog/export", "/api/catalog/topics");
        assertThat(paths).doesNotContainKey("/api/catalog/admin/search-index/rebuild");
        assertThat(JsonPath.<String>read(doc, "$.components.schemas.CaseRequest.properties.lessons.description"))
                .contains("Lernerfahrungen und Stolpersteine");
        assertThat(JsonPath.<String>read(doc,
                "$.components.schemas.CaseRequest.properties.transferability.description")).contains("Übertragbarkeit");
        assertThat(JsonPath.<String>read(doc, "$.info.title")).contains("Praxisbeispiele");
    }
}
