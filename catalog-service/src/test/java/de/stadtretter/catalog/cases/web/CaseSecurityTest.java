package de.stadtretter.catalog.cases.web;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.testing.TestTokens;

class CaseSecurityTest extends CatalogIntegrationTest {

    private static MockHttpServletRequestBuilder createRequest() {
        return post("/api/catalog/cases").contentType(MediaType.APPLICATION_JSON)
                .content(createBody("Titel", FLENSBURG, List.of("leerstand")));
    }

    @Test
    void creatingWithoutATokenIs401ProblemJson() throws Exception {
        mvc.perform(createRequest())
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        mvc.perform(as(TestTokens.foreignToken("mallory", "redaktion"), createRequest()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        String token = TestTokens.get().token("kommune", List.of("kommune"), FLENSBURG, TestTokens.ISSUER,
                "some-other-api", Duration.ofMinutes(5));
        mvc.perform(as(token, createRequest())).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        String token = TestTokens.get().token("kommune", List.of("kommune"), FLENSBURG,
                "http://127.0.0.1/realms/elsewhere", TestTokens.AUDIENCE, Duration.ofMinutes(5));
        mvc.perform(as(token, createRequest())).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String token = TestTokens.get().token("kommune", List.of("kommune"), FLENSBURG, TestTokens.ISSUER,
                TestTokens.AUDIENCE, Duration.ofMinutes(-5));
        mvc.perform(as(token, createRequest())).andExpect(status().isUnauthorized());
    }

    @Test
    void theSameRequestWithAValidTokenIsCreated() throws Exception {
        // the positive control of the 401 tests above: only the token differs
        mvc.perform(as(kommune(FLENSBURG), createRequest())).andExpect(status().isCreated());
    }

    @Test
    void aPartnerMayNotCreateCases() throws Exception {
        mvc.perform(as(partner(), createRequest()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/forbidden")));
    }

    @Test
    void aKommuneMayNotCreateCasesForAnotherMunicipality() throws Exception {
        mvc.perform(as(kommune(KIEL), createRequest()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherKommuneMayNotSubmitOrEditOrSeeADraft() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");

        // invisible to Kiel: 404 as for an id that does not exist, so Kiel cannot even learn that it exists
        mvc.perform(as(kommune(KIEL), post("/api/catalog/cases/{id}/submit", id)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(kommune(KIEL), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Gekapert", "teaser": "Gekapert", "topics": ["events"], "version": 0}"""))
                .andExpect(status().isNotFound());
        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}", id)))
                .andExpect(status().isNotFound());

        // unchanged, and the owner still can
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0));
        submit(kommune(FLENSBURG), id);
    }

    @Test
    void aPublishedCaseOfAnotherKommuneIsVisibleButNotTheirsToChange() throws Exception {
        String id = publishedCase(FLENSBURG, "leerstand");

        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}", id))).andExpect(status().isOk());
        mvc.perform(as(kommune(KIEL), post("/api/catalog/cases/{id}/submit", id)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aKommuneMayNotPublishNotEvenItsOwnCase() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        submit(kommune(FLENSBURG), id);
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/publish", id)))
                .andExpect(status().isForbidden());
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/request-changes", id)))
                .andExpect(status().isForbidden());
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void anonymousCallersDoNotSeeDraftsAndGet404() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        mvc.perform(get("/api/catalog/cases/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(partner(), get("/api/catalog/cases/{id}", id)))
                .andExpect(status().isNotFound());
        mvc.perform(as(redaktion(), get("/api/catalog/cases/{id}", id)))
                .andExpect(status().isOk());
    }

    @Test
    void anUnknownIdIs404AndAMalformedIdIs400() throws Exception {
        mvc.perform(get("/api/catalog/cases/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(endsWith("/not-found")));
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/publish", UUID.randomUUID())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/catalog/cases/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void anInvalidTokenIsRejectedEvenOnPublicReads() throws Exception {
        mvc.perform(get("/api/catalog/cases").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized());
    }
}
