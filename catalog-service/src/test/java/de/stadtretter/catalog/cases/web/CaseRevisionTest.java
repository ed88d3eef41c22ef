package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;

/** A published case revised by its owner and published again by the Redaktion, while the old version stays up. */
class CaseRevisionTest extends CatalogIntegrationTest {

    private static String revisionBody(String teaser, String lessons, long version) {
        return """
                {"title": "Pop-up-Stores gegen Leerstand", "teaser": "%s", "ags": "01001000",
                 "topics": ["leerstand"], "lessons": "%s", "version": %d,
                 "contact": {"name": "Erika Muster", "email": "erika@example.org"}}"""
                .formatted(teaser, lessons, version);
    }

    private ResultActions putRevision(String token, String id, String body) throws Exception {
        return mvc.perform(as(token, put("/api/catalog/cases/{id}/revision", id))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String read(String token, String path, Object... vars) throws Exception {
        var request = token == null ? get(path, vars) : as(token, get(path, vars));
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRevisionGoesThroughTheRedaktionWhileThePublishedVersionStaysVisible() throws Exception {
        String owner = kommune(FLENSBURG);
        String id = publishedCase(FLENSBURG, "leerstand");
        int caseVersion = JsonPath.read(read(null, "/api/catalog/cases/{id}", id), "$.version");

        // the owner starts a revision from the version they saw
        String started = putRevision(owner, id, revisionBody("Jetzt mit Zahlen: 9 Läden vermietet.",
                "Drei Monate waren zu kurz.", caseVersion))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.basedOn").value(caseVersion))
                .andExpect(jsonPath("$.case.teaser").value("Jetzt mit Zahlen: 9 Läden vermietet."))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(started, "$.changedFields"))
                .containsExactly("teaser", "lessons", "contact");

        // the public still sees the published version, the owner sees that a revision is pending
        assertThat(JsonPath.<String>read(read(null, "/api/catalog/cases/{id}", id), "$.teaser"))
                .isEqualTo("Ein Praxisbeispiel für lebendige Innenstädte.");
        assertThat(JsonPath.<Object>read(read(null, "/api/catalog/cases/{id}", id), "$.pendingRevision")).isNull();
        assertThat(JsonPath.<String>read(read(owner, "/api/catalog/cases/{id}", id), "$.pendingRevision.status"))
                .isEqualTo("DRAFT");

        // others: anonymous 401, another Kommune 404 for reading and 403 for writing
        mvc.perform(get("/api/catalog/cases/{id}/revision", id)).andExpect(status().isUnauthorized());
        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}/revision", id))).andExpect(status().isNotFound());
        putRevision(kommune(KIEL), id, revisionBody("Fremd", "x", 0)).andExpect(status().isForbidden());

        // stale versions: 409 by body, 412 by If-Match
        putRevision(owner, id, revisionBody("Zweiter Stand", "x", 5)).andExpect(status().isConflict());
        mvc.perform(as(owner, put("/api/catalog/cases/{id}/revision", id)).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).content(revisionBody("Zweiter Stand", "x", 0)))
                .andExpect(status().isPreconditionFailed());

        // submitted: it waits in the Redaktion's queue and can no longer be edited
        mvc.perform(as(owner, post("/api/catalog/cases/{id}/revision/submit", id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        assertThat(JsonPath.<List<String>>read(read(redaktion(), "/api/catalog/cases?status=SUBMITTED&size=100"),
                "$.items[*].id")).contains(id);
        putRevision(owner, id, revisionBody("Noch einmal", "x", 1)).andExpect(status().isConflict());
        mvc.perform(as(owner, post("/api/catalog/cases/{id}/revision/publish", id))).andExpect(status().isForbidden());

        // the Redaktion asks for changes; the owner sees the comment and edits again
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/revision/request-changes", id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"Bitte die Zahl der Läden belegen.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
        assertThat(JsonPath.<String>read(read(owner, "/api/catalog/cases/{id}/revision", id), "$.reviewComment"))
                .isEqualTo("Bitte die Zahl der Läden belegen.");
        putRevision(owner, id, revisionBody("Neun Läden vermietet (Zählung März 2026).",
                "Drei Monate waren zu kurz.", 2)).andExpect(status().isOk());
        mvc.perform(as(owner, post("/api/catalog/cases/{id}/revision/submit", id))).andExpect(status().isOk());

        // published: the case takes the content, the revision is gone
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/revision/publish", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teaser").value("Neun Läden vermietet (Zählung März 2026)."))
                .andExpect(jsonPath("$.version").value(caseVersion + 1))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        String now = read(null, "/api/catalog/cases/{id}", id);
        assertThat(JsonPath.<String>read(now, "$.lessons")).isEqualTo("Drei Monate waren zu kurz.");
        assertThat(JsonPath.<Object>read(now, "$.contact")).as("never to anonymous callers").isNull();
        assertThat(JsonPath.<String>read(read(owner, "/api/catalog/cases/{id}", id), "$.contact.name"))
                .isEqualTo("Erika Muster");
        mvc.perform(as(owner, get("/api/catalog/cases/{id}/revision", id))).andExpect(status().isNotFound());
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/revision/publish", id)))
                .andExpect(status().isNotFound());

        // the history has every step with who and which fields changed
        String history = read(owner, "/api/catalog/cases/{id}/history", id);
        assertThat(JsonPath.<List<String>>read(history, "$[*].action")).containsSubsequence("published",
                "revision-created", "revision-submitted", "revision-changes-requested", "revision-edited",
                "revision-submitted", "revision-published");
        assertThat(JsonPath.<List<String>>read(history,
                "$[?(@.action == 'revision-published')].changedFields[*]")).containsExactly("teaser", "lessons",
                "contact");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'revision-changes-requested')].comment"))
                .containsExactly("Bitte die Zahl der Läden belegen.");
        List<String> publishers = JsonPath.read(history, "$[?(@.action == 'published')].actor");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'revision-published')].actor"))
                .as("the Redaktion, as for the first publication").isEqualTo(publishers);
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'revision-created')].actor"))
                .doesNotContainAnyElementsOf(publishers);

        // the search finds the new text
        String found = read(null, "/api/catalog/search?q=Zählung März");
        assertThat(JsonPath.<List<String>>read(found, "$.items[*].id")).contains(id);
    }

    @Test
    void onlyPublishedCasesAreRevisedAndArchivingDropsARevision() throws Exception {
        String owner = kommune(FLENSBURG);
        String draft = createCase(owner, FLENSBURG, "leerstand");
        putRevision(owner, draft, revisionBody("Entwurf", "x", 0)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only published")));

        String id = publishedCase(FLENSBURG, "leerstand");
        int version = JsonPath.read(read(null, "/api/catalog/cases/{id}", id), "$.version");
        putRevision(owner, id, revisionBody("Wird verworfen", "x", version)).andExpect(status().isOk());
        mvc.perform(as(owner, post("/api/catalog/cases/{id}/archive", id))).andExpect(status().isOk());
        mvc.perform(as(owner, get("/api/catalog/cases/{id}/revision", id))).andExpect(status().isNotFound());
        assertThat(JsonPath.<List<String>>read(read(owner, "/api/catalog/cases/{id}/history", id), "$[*].action"))
                .endsWith("archived", "revision-discarded");
        // a revision needs valid content like any case
        String other = publishedCase(FLENSBURG, "leerstand");
        putRevision(owner, other, revisionBody("", "x", 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teaser"));
    }
}
