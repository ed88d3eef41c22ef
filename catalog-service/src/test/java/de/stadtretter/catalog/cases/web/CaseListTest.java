package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

class CaseListTest extends CatalogIntegrationTest {

    private String list(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> ids(String body) {
        return JsonPath.read(body, "$.items[*].id");
    }

    private static List<String> statuses(String body) {
        return JsonPath.read(body, "$.items[*].status");
    }

    @Test
    void anonymousCallersSeePublishedCasesOnly() throws Exception {
        String published = publishedCase(FLENSBURG, "foerderung");
        String draft = createCase(kommune(FLENSBURG), FLENSBURG, "foerderung");
        String submitted = createCase(kommune(FLENSBURG), FLENSBURG, "foerderung");
        submit(kommune(FLENSBURG), submitted);

        String body = list(get("/api/catalog/cases").param("size", "100"));
        assertThat(ids(body)).contains(published).doesNotContain(draft, submitted);
        assertThat(statuses(body)).isNotEmpty().containsOnly("PUBLISHED");
        assertThat(JsonPath.<Integer>read(body, "$.page")).isZero();
        assertThat(JsonPath.<Integer>read(body, "$.size")).isEqualTo(100);

        assertThat(JsonPath.<Integer>read(list(get("/api/catalog/cases").param("status", "DRAFT")), "$.totalItems"))
                .isZero();
        assertThat(ids(list(as(partner(), get("/api/catalog/cases")).param("size", "100"))))
                .contains(published).doesNotContain(draft, submitted);
    }

    @Test
    void aKommuneAlsoSeesItsOwnUnpublishedCasesAndEditorsSeeAll() throws Exception {
        String flensburgDraft = createCase(kommune(FLENSBURG), FLENSBURG, "stadtgestaltung");
        String kielDraft = createCase(kommune(KIEL), KIEL, "stadtgestaltung");

        List<String> seenByFlensburg = ids(list(as(kommune(FLENSBURG), get("/api/catalog/cases"))
                .param("status", "DRAFT").param("size", "100")));
        assertThat(seenByFlensburg).contains(flensburgDraft).doesNotContain(kielDraft);

        String editorView = list(as(redaktion(), get("/api/catalog/cases"))
                .param("status", "DRAFT").param("topic", "stadtgestaltung").param("size", "100"));
        assertThat(ids(editorView)).contains(flensburgDraft, kielDraft);
        assertThat(statuses(editorView)).containsOnly("DRAFT");
    }

    @Test
    void theTopicFilterAndPagingWork() throws Exception {
        String a = publishedCase(KIEL, "organisation");
        String b = publishedCase(KIEL, "organisation", "events");
        String other = publishedCase(KIEL, "erlebnisraum");

        String all = list(get("/api/catalog/cases").param("topic", "organisation").param("size", "100"));
        assertThat(ids(all)).contains(a, b).doesNotContain(other);
        List<List<String>> topics = JsonPath.read(all, "$.items[*].topics");
        assertThat(topics).allSatisfy(t -> assertThat(t).contains("organisation"));
        int total = JsonPath.read(all, "$.totalItems");
        assertThat(total).isEqualTo(ids(all).size());

        String firstPage = list(get("/api/catalog/cases").param("topic", "organisation").param("size", "1"));
        String secondPage = list(get("/api/catalog/cases").param("topic", "organisation").param("size", "1")
                .param("page", "1"));
        assertThat(ids(firstPage)).hasSize(1);
        assertThat(ids(secondPage)).hasSize(1).doesNotContainAnyElementsOf(ids(firstPage));
        assertThat(JsonPath.<Integer>read(firstPage, "$.totalItems")).isEqualTo(total);
        // newest publication first
        assertThat(ids(firstPage)).containsExactly(b);
    }
}
