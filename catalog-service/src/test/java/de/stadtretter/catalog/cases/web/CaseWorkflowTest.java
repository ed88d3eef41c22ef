package de.stadtretter.catalog.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.catalog.CatalogIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;

class CaseWorkflowTest extends CatalogIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aKommuneCreatesAndSubmitsAndTheRedaktionPublishes() throws Exception {
        String response = mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("Pop-up-Stores in der Altstadt", FLENSBURG,
                                List.of("leerstand", "handel-innovation"))))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.title").value("Pop-up-Stores in der Altstadt"))
                .andExpect(jsonPath("$.ags").value(FLENSBURG))
                .andExpect(jsonPath("$.municipalityName").value("Flensburg, Stadt"))
                .andExpect(jsonPath("$.stateCode").value("SH"))
                .andExpect(jsonPath("$.stateName").value("Schleswig-Holstein"))
                .andExpect(jsonPath("$.topics[0]").value("leerstand"))
                .andExpect(jsonPath("$.topics[1]").value("handel-innovation"))
                .andExpect(jsonPath("$.createdAt").value(notNullValue()))
                .andExpect(jsonPath("$.publishedAt").value(nullValue()))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(response, "$.id");
        UUID.fromString(id);

        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));

        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/submit", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.submittedAt").value(notNullValue()));

        double publishedBefore = publishedCount();
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/publish", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.publishedAt").value(notNullValue()));
        assertThat(publishedCount()).isEqualTo(publishedBefore + 1);

        // now public
        mvc.perform(get("/api/catalog/cases/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        // every step is in the history, with who did it
        assertThat(jdbc.sql("select action || ':' || to_status from case_history where case_id = :id order by id")
                .param("id", UUID.fromString(id)).query(String.class).list())
                .containsExactly("created:DRAFT", "submitted:SUBMITTED", "published:PUBLISHED");
        assertThat(jdbc.sql("select count(distinct actor) from case_history where case_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(2);
        // and exactly one CasePublished in the outbox, and one CaseReviewed for the author
        assertThat(jdbc.sql("select topic from outbox_event where message_key = :id order by topic")
                .param("id", id).query(String.class).list()).containsExactly("catalog.case.v1", "catalog.review.v1");
    }

    @Test
    void theRedaktionMayCreateForAnyMunicipalityAndTheKommuneOwnsIt() throws Exception {
        String id = createCase(redaktion(), KIEL, "events");
        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerOrganisation").value(KIEL));
        submit(kommune(KIEL), id);
    }

    @Test
    void createAnswersWithTheLocationOfTheNewCase() throws Exception {
        String location = mvc.perform(as(admin(), post("/api/catalog/cases")).contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("Citylogistik mit Lastenrädern", IN_A_KREIS, List.of("citylogistik"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/catalog/cases/")))
                // a municipality within a Kreis: its own name, population and town type come from the Destatis list
                .andExpect(jsonPath("$.municipalityName").value("Achterwehr"))
                .andExpect(jsonPath("$.districtName").value("Rendsburg-Eckernförde"))
                .andExpect(jsonPath("$.municipality.ags").value(IN_A_KREIS))
                .andExpect(jsonPath("$.municipality.name").value("Achterwehr"))
                .andExpect(jsonPath("$.municipality.districtName").value("Rendsburg-Eckernförde"))
                .andExpect(jsonPath("$.municipality.stateCode").value("SH"))
                .andExpect(jsonPath("$.municipality.stateName").value("Schleswig-Holstein"))
                .andExpect(jsonPath("$.municipality.population").value(1052))
                .andExpect(jsonPath("$.municipality.townType").value("50"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(as(admin(), get(location))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(location.substring(location.lastIndexOf('/') + 1)));
    }

    @Test
    void theOwnerEditsADraftWithTheCurrentVersionAndAStaleVersionIsAConflict() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");

        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Neuer Titel", "teaser": "Neuer Teaser", "topics": ["events"], "version": 0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Neuer Titel"))
                .andExpect(jsonPath("$.teaser").value("Neuer Teaser"))
                .andExpect(jsonPath("$.topics[0]").value("events"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Veraltet", "teaser": "Veraltet", "topics": ["events"], "version": 0}"""))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/catalog/cases/{id}", id).header("Authorization", "Bearer " + kommune(FLENSBURG)))
                .andExpect(jsonPath("$.title").value("Neuer Titel"));
    }

    @Test
    void aSubmittedCaseCanNoLongerBeEdited() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        submit(kommune(FLENSBURG), id);
        mvc.perform(as(kommune(FLENSBURG), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Zu spät", "teaser": "Zu spät", "topics": ["events"], "version": 1}"""))
                .andExpect(status().isConflict());
        mvc.perform(as(kommune(FLENSBURG), post("/api/catalog/cases/{id}/submit", id)))
                .andExpect(status().isConflict());
    }

    @Test
    void publishingADraftIsAConflictAndChangesNothing() throws Exception {
        String id = createCase(kommune(FLENSBURG), FLENSBURG, "leerstand");
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/publish", id)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/conflict")));
        mvc.perform(as(kommune(FLENSBURG), get("/api/catalog/cases/{id}", id)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :id")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void publishingTwiceIsAConflict() throws Exception {
        String id = publishedCase(KIEL, "marketing");
        mvc.perform(as(admin(), post("/api/catalog/cases/{id}/publish", id)))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :id and topic = 'catalog.case.v1'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theRedaktionRequestsChangesAndTheKommuneRevisesAndResubmits() throws Exception {
        String id = createCase(kommune(KIEL), KIEL, "mobilitaet");
        submit(kommune(KIEL), id);
        mvc.perform(as(redaktion(), post("/api/catalog/cases/{id}/request-changes", id))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"Bitte Kosten ergänzen\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
        mvc.perform(as(kommune(KIEL), put("/api/catalog/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Mit Kosten", "teaser": "Kostet 10.000 EUR", "topics": ["mobilitaet"],
                                 "version": 2}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
        submit(kommune(KIEL), id);
        publish(id);
        assertThat(jdbc.sql("select comment from case_history where case_id = :id and action = 'changes-requested'")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo("Bitte Kosten ergänzen");
        mvc.perform(as(kommune(KIEL), get("/api/catalog/cases/{id}/history", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6));
    }

    @Test
    void theTopicListIsPublic() throws Exception {
        mvc.perform(get("/api/catalog/topics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[0].id").value("leerstand"))
                .andExpect(jsonPath("$[0].label_de").value("Standortförderung und Leerstand"));
    }

    private double publishedCount() {
        return meters.get("stadtretter.cases.published").counter().count();
    }
}
