package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

/** Archiving, the Redaktion's comment, optimistic locking over HTTP, "hilfreich" votes and the Redaktion's queue. */
class CaseEditorialTest extends CatalogIntegrationTest {

    private static final String EDIT = """
            {"title": "Neu", "teaser": "Neu geschrieben.", "topics": ["leerstand"], "version": %d}""";

    @Test
    void anArchivedCaseLeavesTheListsButStaysReachableByItsId() throws Exception {
        String id = publishedCase(FLENSBURG, "erlebnisraum");
        mvc.perform(as(kommune(KIEL), post("/api/catalog/cases/{id}/archive", id))).andExpect(status().isForbidden());
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/archive", id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));

        mvc.perform(get("/api/catalog/cases/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARCHIVED"));
        String list = mvc.perform(get("/api/catalog/cases").param("topic", "erlebnisraum").param("size", "100"))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).doesNotContain(id);
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/archive", id)))
                .andExpect(status().isConflict());
        // a draft is not archived: it was never public
        String draft = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/archive", draft)))
                .andExpect(status().isConflict());
    }

    @Test
    void theRedaktionsCommentIsShownToTheOwnerUntilTheCaseIsSubmittedAgain() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        submit(kommune(FLENSBURG), id);
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/request-changes", id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"Bitte ergänzen Sie die Kosten.\\nDanke!\"}"))
                .andExpect(status().isOk());

        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"))
                .andExpect(jsonPath("$.reviewComment").value("Bitte ergänzen Sie die Kosten.\nDanke!"));
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}/history", id)))
                .andExpect(jsonPath("$[2].comment").value("Bitte ergänzen Sie die Kosten.\nDanke!"));
        submit(kommune(FLENSBURG), id);
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.reviewComment").doesNotExist());
    }

    @Test
    void writesHonourIfMatchWith412AndTheBodyVersionWith409() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(header().string("ETag", "\"0\""));

        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(EDIT.formatted(0)))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        for (String stale : new String[] {"\"0\"", "W/\"0\"", "garbage", "\"x\""}) {
            mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).header("If-Match", stale)
                            .contentType(MediaType.APPLICATION_JSON).content(EDIT.formatted(1)))
                    .andExpect(status().isPreconditionFailed())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/submit", id)).header("If-Match", "\"0\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).header("If-Match", "*")
                        .contentType(MediaType.APPLICATION_JSON).content(EDIT.formatted(0)))
                .andExpect(status().isConflict());
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.title").value("Neu"));
    }

    @Test
    void membersMarkACaseHelpfulOnce() throws Exception {
        String id = publishedCase(FLENSBURG, "marketing");
        mvc.perform(put("/api/catalog/cases/{id}/helpful", id)).andExpect(status().isUnauthorized());
        for (int i = 0; i < 2; i++) {
            mvc.perform(as(partner(), put("/api/catalog/cases/{id}/helpful", id))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.helpfulCount").value(1)).andExpect(jsonPath("$.helpful").value(true));
        }
        mvc.perform(as(kommune(KIEL), put("/api/catalog/cases/{id}/helpful", id)))
                .andExpect(jsonPath("$.helpfulCount").value(2));
        mvc.perform(as(partner(), delete("/api/catalog/cases/{id}/helpful", id)))
                .andExpect(jsonPath("$.helpfulCount").value(1)).andExpect(jsonPath("$.helpful").value(false));
        mvc.perform(get("/api/catalog/cases/{id}", id)).andExpect(jsonPath("$.helpfulCount").value(1));
        // whether the caller marked it: yes for the Kommune, no for the partner who took it back and for anonymous
        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}/helpful", id)))
                .andExpect(jsonPath("$.helpfulCount").value(1)).andExpect(jsonPath("$.helpful").value(true));
        mvc.perform(as(partner(), get("/api/catalog/cases/{id}/helpful", id)))
                .andExpect(jsonPath("$.helpful").value(false));
        mvc.perform(get("/api/catalog/cases/{id}/helpful", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.helpful").value(false));
        // an invisible draft cannot be voted on
        String draft = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        mvc.perform(as(kommune(KIEL), put("/api/catalog/cases/{id}/helpful", draft))).andExpect(status().isNotFound());
        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}/helpful", draft))).andExpect(status().isNotFound());
    }

    @Test
    void mineListsOnlyTheCallersOwnCasesInEveryStatus() throws Exception {
        String draft = createCase(kommune(FLENSBURG), FLENSBURG, "handel-innovation");
        String published = publishedCase(FLENSBURG, "handel-innovation");
        String kiels = publishedCase(KIEL, "handel-innovation");
        String kielsDraft = createCase(kommune(KIEL), KIEL, "handel-innovation");
        List<String> own = JsonPath.read(mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases")
                        .param("mine", "true").param("topic", "handel-innovation").param("size", "100")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.items[*].id");
        assertThat(own).contains(draft, published).doesNotContain(kiels, kielsDraft);
        // without mine, the Kommune sees every published case and its own drafts, never another's drafts
        List<String> all = JsonPath.read(mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases")
                        .param("topic", "handel-innovation").param("size", "100")))
                .andReturn().getResponse().getContentAsString(), "$.items[*].id");
        assertThat(all).contains(draft, published, kiels).doesNotContain(kielsDraft);
        // anonymous callers and editors own nothing
        mvc.perform(get("/api/catalog/cases").param("mine", "true")).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(as(redaktion(), get("/api/catalog/cases").param("mine", "true")))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void theRedaktionsQueueListsSubmittedCasesOldestFirst() throws Exception {
        String first = createCase(kommune(FLENSBURG), FLENSBURG, "citylogistik");
        String second = createCase(kommune(KIEL), KIEL, "citylogistik");
        submit(kommune(FLENSBURG), first);
        submit(kommune(KIEL), second);
        String queue = mvc.perform(as(redaktion(), get("/api/catalog/cases").param("status", "SUBMITTED")
                        .param("topic", "citylogistik").param("size", "100")))
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(queue, "$.items[*].id");
        assertThat(ids).containsSubsequence(first, second);
    }
}
