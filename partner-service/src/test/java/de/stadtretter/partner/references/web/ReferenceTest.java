package de.stadtretter.partner.references.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.partner.PartnerServiceTest;

class ReferenceTest extends PartnerServiceTest {

    @Test
    void theTownThatOwnsTheCaseConfirmsAClaimAndOnlyThenItCounts() throws Exception {
        UUID company = verifiedPartner("Quartiersmanagement Förde", "leerstand");
        UUID caseId = publishedCase("Leerstandsmanagement in der Flensburger Altstadt", FLENSBURG, "leerstand");
        String ref = claim(company, caseId, "Konzept und Eigentümeransprache");

        mvc.perform(get("/api/partners/{id}", company)).andExpect(jsonPath("$.confirmedReferences").value(0));
        mvc.perform(get("/api/partners/{id}/references", company)).andExpect(jsonPath("$").isEmpty());
        mvc.perform(as(partnerOf(company), get("/api/partners/{id}/references", company)))
                .andExpect(jsonPath("$[0].status").value("CLAIMED"))
                .andExpect(jsonPath("$[0].caseTitle").value("Leerstandsmanagement in der Flensburger Altstadt"));

        // the inbox of the town that owns the case, not of another one
        mvc.perform(as(kommune(FLENSBURG), get("/api/partners/references"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(ref)));
        mvc.perform(as(kommune(KIEL), get("/api/partners/references")))
                .andExpect(jsonPath("$[*].id", not(hasItem(ref))));
        mvc.perform(as(kommune(KIEL), post("/api/partners/references/{ref}/confirm", ref)))
                .andExpect(status().isNotFound());
        mvc.perform(as(partnerOf(company), post("/api/partners/references/{ref}/confirm", ref)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/partners/references")).andExpect(status().isUnauthorized());

        mvc.perform(as(kommune(FLENSBURG), post("/api/partners/references/{ref}/confirm", ref)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.decidedOnBehalf").value(false));
        mvc.perform(as(kommune(FLENSBURG), post("/api/partners/references/{ref}/confirm", ref)))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/partners/{id}", company)).andExpect(jsonPath("$.confirmedReferences").value(1))
                .andExpect(jsonPath("$.references[0].caseId").value(caseId.toString()))
                .andExpect(jsonPath("$.references[0].municipality").value("Flensburg, Stadt"))
                .andExpect(jsonPath("$.references[0].role").value("Konzept und Eigentümeransprache"));
        mvc.perform(as(partnerOf(company), get("/api/partners/{id}/history", company)))
                .andExpect(jsonPath("$[*].action", hasItem("reference.claimed")))
                .andExpect(jsonPath("$[*].action", hasItem("reference.confirmed")));
    }

    @Test
    void claimsOnUnknownCasesAreRefusedAndACaseIsClaimedOnce() throws Exception {
        UUID company = verifiedPartner("Einmal reicht GmbH", "marketing");
        mvc.perform(as(partnerOf(company), post("/api/partners/{id}/references", company))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\": \"%s\", \"role\": \"Beratung\"}".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("caseId"));
        mvc.perform(as(partnerOf(company), post("/api/partners/{id}/references", company))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"Beratung\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("caseId"));

        UUID caseId = publishedCase("Stadtmarketing mit Händlern", KIEL, "marketing");
        String ref = claim(company, caseId, "Kampagne");
        mvc.perform(as(partnerOf(company), post("/api/partners/{id}/references", company))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\": \"%s\", \"role\": \"Kampagne\"}".formatted(caseId)))
                .andExpect(status().isConflict());
        // another company does not claim in this one's name
        mvc.perform(as(partnerOf(UUID.randomUUID()), post("/api/partners/{id}/references", company))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\": \"%s\", \"role\": \"Kampagne\"}".formatted(caseId)))
                .andExpect(status().isForbidden());

        // declined: the company may claim again (with a better description of its role)
        mvc.perform(as(kommune(KIEL), post("/api/partners/references/{ref}/decline", ref)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
        String again = claim(company, caseId, "Kampagne mit dem Händlerverein");
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(ref);

        // a case that left the catalogue cannot be claimed
        UUID archived = publishedCase("Archiviert", KIEL, "marketing");
        publishedCases.forget(archived);
        mvc.perform(as(partnerOf(company), post("/api/partners/{id}/references", company))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\": \"%s\", \"role\": \"Kampagne\"}".formatted(archived)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRedaktionClaimsForACompanyAndConfirmsForATownRecordedAsOnBehalf() throws Exception {
        UUID company = verifiedPartner("Onboarding-Beispiel GmbH", "handel-innovation");
        UUID caseId = publishedCase("Digitaler Marktplatz", FLENSBURG, "handel-innovation");
        String body = mvc.perform(as(redaktion(), post("/api/partners/{id}/references", company))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\": \"%s\", \"role\": \"Plattform\"}".formatted(caseId)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.claimedOnBehalf").value(true))
                .andReturn().getResponse().getContentAsString();
        String ref = JsonPath.read(body, "$.id");
        mvc.perform(as(redaktion(), get("/api/partners/references"))).andExpect(jsonPath("$[*].id", hasItem(ref)));
        mvc.perform(as(redaktion(), post("/api/partners/references/{ref}/confirm", ref)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decidedOnBehalf").value(true));
        mvc.perform(as(redaktion(), get("/api/partners/{id}/history", company)))
                .andExpect(jsonPath("$[?(@.action == 'reference.confirmed')].onBehalf", hasItem(true)));
    }

    @Test
    void aWithdrawnReferenceNoLongerCounts() throws Exception {
        UUID company = verifiedPartner("Zurückgezogen GmbH", "handel-innovation");
        UUID caseId = publishedCase("Händlergemeinschaft", KIEL, "handel-innovation");
        String ref = claim(company, caseId, "Moderation");
        mvc.perform(as(kommune(KIEL), post("/api/partners/references/{ref}/confirm", ref))).andExpect(status().isOk());
        mvc.perform(get("/api/partners/{id}", company)).andExpect(jsonPath("$.confirmedReferences").value(1));

        mvc.perform(as(partnerOf(UUID.randomUUID()), delete("/api/partners/{id}/references/{ref}", company, ref)))
                .andExpect(status().isForbidden());
        mvc.perform(as(partnerOf(company), delete("/api/partners/{id}/references/{ref}", company, ref)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/partners/{id}", company)).andExpect(jsonPath("$.confirmedReferences").value(0));
        mvc.perform(as(partnerOf(company), delete("/api/partners/{id}/references/{ref}", company, ref)))
                .andExpect(status().isNotFound());
    }
}
