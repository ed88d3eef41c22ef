package de.stadtretter.partner.profiles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.partner.PartnerServiceTest;

class PartnerProfileTest extends PartnerServiceTest {

    @Test
    void aPartnerCreatesTheProfileOfItsOwnOrganisationWhichStaysHiddenUntilVerified() throws Exception {
        UUID company = UUID.randomUUID();
        String created = createProfile(company, "Innenstadtwerk Nord GmbH", "leerstand");
        assertThat((String) JsonPath.read(created, "$.id")).isEqualTo(company.toString());
        assertThat((String) JsonPath.read(created, "$.status")).isEqualTo("PENDING");

        mvc.perform(get("/api/partners/{id}", company)).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(as(kommune(FLENSBURG), get("/api/partners/{id}", company))).andExpect(status().isNotFound());
        mvc.perform(as(partnerOf(company), get("/api/partners/{id}", company))).andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.email").value("kontakt@" + company.toString().substring(0, 8)
                        + ".example"));
        mvc.perform(as(redaktion(), get("/api/partners").param("status", "PENDING"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(company.toString())));

        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"));

        mvc.perform(get("/api/partners/{id}", company)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Innenstadtwerk Nord GmbH"))
                .andExpect(jsonPath("$.contact").doesNotExist())
                .andExpect(jsonPath("$.reviewComment").doesNotExist());
        mvc.perform(as(kommune(FLENSBURG), get("/api/partners/{id}", company))).andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.name").value("Erika Mustermann"));
        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isConflict());
    }

    @Test
    void oneProfilePerOrganisationAndOnlyPartnersAndTheRedaktionCreateProfiles() throws Exception {
        UUID company = UUID.randomUUID();
        createProfile(company, "Zweimal GmbH", "marketing");
        String body = profileBody("Zweimal GmbH", "a@b.example", List.of("marketing"), List.of("DE"));
        mvc.perform(as(partnerOf(company), post("/api/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isConflict());
        mvc.perform(as(kommune(FLENSBURG), post("/api/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());

        // the Redaktion onboards a company: a new id, recorded as done on the company's behalf
        String onboarded = mvc.perform(as(redaktion(), post("/api/partners")).contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(onboarded, "$.id");
        assertThat(id).isNotEqualTo(company.toString());
        mvc.perform(as(redaktion(), get("/api/partners/{id}/history", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("created"))
                .andExpect(jsonPath("$[0].actor").value("redakteurin"))
                .andExpect(jsonPath("$[0].onBehalf").value(true));
    }

    @Test
    void invalidProfilesAreRefusedNamingTheFields() throws Exception {
        String body = """
                {"name": "", "description": "x", "topics": ["keine-id"], "regions": ["XX"],
                 "website": "javascript:alert(1)", "contact": {"name": "A", "email": "keine-adresse"}}""";
        mvc.perform(as(partnerOf(UUID.randomUUID()), post("/api/partners")).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "topics", "regions",
                        "website", "contact.email")));
    }

    @Test
    void editingNeedsTheCurrentVersionAndIsRecordedWithTheChangedFields() throws Exception {
        UUID company = verifiedPartner("Handelsberatung Süd", "handel-innovation");
        String edit = profileBody("Handelsberatung Süd GmbH", "neu@example.org",
                List.of("handel-innovation", "marketing"), List.of("BY", "BW")).replace("\"size\": \"SMALL\",", "\"size\": \"SMALL\", \"version\": 1,");
        // verify made it version 1
        mvc.perform(as(partnerOf(company), put("/api/partners/{id}", company)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(edit)).andExpect(status().isPreconditionFailed());
        mvc.perform(as(partnerOf(company), put("/api/partners/{id}", company))
                .contentType(MediaType.APPLICATION_JSON).content(edit.replace("\"version\": 1", "\"version\": 0")))
                .andExpect(status().isConflict());
        mvc.perform(as(partnerOf(company), put("/api/partners/{id}", company)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(edit))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.regions", contains("BY", "BW")));

        mvc.perform(as(partnerOf(company), get("/api/partners/{id}/history", company))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", contains("created", "verified", "edited")))
                .andExpect(jsonPath("$[2].fields", contains("name", "topics", "regions", "contact")))
                .andExpect(jsonPath("$[2].onBehalf").value(false));
        // another company neither edits nor reads the history
        mvc.perform(as(partnerOf(UUID.randomUUID()), put("/api/partners/{id}", company))
                .contentType(MediaType.APPLICATION_JSON).content(edit)).andExpect(status().isForbidden());
        mvc.perform(get("/api/partners/{id}/history", company)).andExpect(status().isUnauthorized());
        mvc.perform(as(kommune(KIEL), get("/api/partners/{id}/history", company))).andExpect(status().isForbidden());
    }

    @Test
    void aRejectedProfileCarriesTheCommentAndGoesBackToTheQueueWhenEdited() throws Exception {
        UUID company = UUID.randomUUID();
        createProfile(company, "Werbung ohne Belege", "marketing");
        mvc.perform(as(redaktion(), post("/api/partners/{id}/reject", company))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(as(partnerOf(company), post("/api/partners/{id}/reject", company))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(redaktion(), post("/api/partners/{id}/reject", company)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"Bitte beschreiben Sie Ihre Leistungen konkreter.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(as(partnerOf(company), get("/api/partners/{id}", company))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewComment").value("Bitte beschreiben Sie Ihre Leistungen konkreter."));

        String edit = profileBody("Stadtmarketing mit Belegen", "a@b.example", List.of("marketing"), List.of("NI"))
                .replace("\"size\": \"SMALL\",", "\"size\": \"SMALL\", \"version\": 1,");
        mvc.perform(as(partnerOf(company), put("/api/partners/{id}", company))
                        .contentType(MediaType.APPLICATION_JSON).content(edit))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(as(redaktion(), post("/api/partners/{id}/verify", company))).andExpect(status().isOk());
    }

    @Test
    void offeringsAreAddedChangedAndRemovedByTheCompany() throws Exception {
        UUID company = verifiedPartner("Lastenrad-Logistik eG", "citylogistik");
        String offering = """
                {"title": "Citylogistik-Konzept", "description": "Analyse der Lieferverkehre und ein Mikrodepot.",
                 "topics": ["citylogistik"], "regions": ["SH", "HH"], "priceModel": "Festpreis ab 12.000 €"}""";
        String added = mvc.perform(as(partnerOf(company), post("/api/partners/{id}/offerings", company))
                        .contentType(MediaType.APPLICATION_JSON).content(offering))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.title").value("Citylogistik-Konzept"))
                .andReturn().getResponse().getContentAsString();
        String offeringId = JsonPath.read(added, "$.id");

        mvc.perform(get("/api/partners/{id}", company)).andExpect(status().isOk())
                .andExpect(jsonPath("$.offerings[0].id").value(offeringId))
                .andExpect(jsonPath("$.offerings[0].priceModel").value("Festpreis ab 12.000 €"));

        mvc.perform(as(partnerOf(company), put("/api/partners/{id}/offerings/{o}", company, offeringId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(offering.replace("Citylogistik-Konzept", "Mikrodepot in der Altstadt")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Mikrodepot in der Altstadt"));
        mvc.perform(as(partnerOf(UUID.randomUUID()), delete("/api/partners/{id}/offerings/{o}", company, offeringId)))
                .andExpect(status().isForbidden());
        mvc.perform(as(partnerOf(company), put("/api/partners/{id}/offerings/{o}", company, UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON).content(offering)).andExpect(status().isNotFound());
        mvc.perform(as(partnerOf(company), delete("/api/partners/{id}/offerings/{o}", company, offeringId)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/partners/{id}", company)).andExpect(jsonPath("$.offerings").isEmpty());
        mvc.perform(as(partnerOf(company), get("/api/partners/{id}/history", company)))
                .andExpect(jsonPath("$[*].action", hasItem("offering.added")))
                .andExpect(jsonPath("$[*].action", hasItem("offering.deleted")));
    }

    @Test
    void theCompanyOrAnAdminDeletesTheProfileAndItIsGone() throws Exception {
        UUID company = verifiedPartner("Kurzlebig GmbH", "events");
        mvc.perform(as(redaktion(), delete("/api/partners/{id}", company))).andExpect(status().isForbidden());
        mvc.perform(as(partnerOf(UUID.randomUUID()), delete("/api/partners/{id}", company)))
                .andExpect(status().isForbidden());
        mvc.perform(as(partnerOf(company), delete("/api/partners/{id}", company))).andExpect(status().isNoContent());
        mvc.perform(get("/api/partners/{id}", company)).andExpect(status().isNotFound());
        mvc.perform(as(partnerOf(company), get("/api/partners/{id}", company))).andExpect(status().isNotFound());
        mvc.perform(as(redaktion(), get("/api/partners"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(company.toString()))));

        UUID other = verifiedPartner("Auch kurzlebig GmbH", "events");
        mvc.perform(as(admin(), delete("/api/partners/{id}", other))).andExpect(status().isNoContent());
        mvc.perform(as(admin(), delete("/api/partners/{id}", other))).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheRedaktionListsProfilesInEveryStatus() throws Exception {
        mvc.perform(as(partnerOf(UUID.randomUUID()), get("/api/partners"))).andExpect(status().isForbidden());
        mvc.perform(as(redaktion(), get("/api/partners").param("status", "UNKNOWN")))
                .andExpect(status().isBadRequest());
    }
}
