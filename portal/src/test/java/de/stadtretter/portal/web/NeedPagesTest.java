package de.stadtretter.portal.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import de.stadtretter.portal.catalog.CatalogModels.Topic;
import de.stadtretter.portal.needs.NeedModels.CaseItem;
import de.stadtretter.portal.needs.NeedModels.Need;
import de.stadtretter.portal.needs.NeedModels.NeedList;
import de.stadtretter.portal.needs.NeedModels.NeedWrite;
import de.stadtretter.portal.needs.NeedModels.PartnerItem;
import de.stadtretter.portal.needs.NeedModels.Recommendations;
import de.stadtretter.portal.needs.NeedModels.Town;
import de.stadtretter.portal.needs.NeedModels.TownItem;

/** The need pages: formulating with a preview, saving, the need's page, "Meine Bedarfe" (services are stubs). */
class NeedPagesTest extends PortalWebTest {

    static final String HUSUM = "01054056";
    static final String ID = "5a7c9e1b-3d5f-4a6b-8c0d-2e4f6a8b0c1d";
    static final Recommendations FOUND = new Recommendations(
            List.of(new CaseItem("0b9e7d3a-51c4-4f2e-8a6b-93d1c0e5f7a2", "Werbegemeinschaft der Altstadthändler",
                    new Town("01001000", "Flensburg, Stadt"), 0.71,
                    List.of("Ihr „Händler … gemeinsam“ entspricht „Werbegemeinschaft“ (Titel)"))),
            List.of(new PartnerItem("3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f", "Altstadtberatung Nord GmbH", 0.6,
                    List.of("in Schleswig-Holstein tätig"))),
            List.of(new TownItem("07232018", "Bitburg, Stadt", 0.5, List.of("ähnliche Größe"))), List.of());

    private static Need need(String visibility, String status) {
        return new Need(ID, HUSUM, "Husum, Stadt", "Die Händler sollen gemeinsam auftreten", "Jeder wirbt allein.",
                List.of("marketing"), visibility, status, 0, Instant.parse("2026-12-01T09:00:00Z"), null, null);
    }

    @Test
    void formulatingANeedNeedsAKommuneAndShowsTheRecommendationsWithReasonsBeforeSaving() throws Exception {
        given(catalog.topics()).willReturn(List.of(new Topic("marketing", "Stadtmarketing und Kommunikation")));
        mvc.perform(get("/bedarfe/neu")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/bedarfe/neu").with(member("Paula", "partner", "partner-1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/bedarfe/neu").with(member("Karla", "kommune", HUSUM))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Bedarf formulieren – Stadtretter</title>"),
                        containsString("Stadtmarketing und Kommunikation"), containsString("data-live-recommendations"),
                        containsString("Sobald Sie beschrieben haben"))));

        given(needs.tryOut(any(), anyInt())).willReturn(FOUND);
        mvc.perform(post("/bedarfe/neu/vorschau").with(member("Karla", "kommune", HUSUM)).with(csrf())
                        .param("titel", "Die Händler sollen gemeinsam auftreten").param("themen", "marketing"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Passende Praxisbeispiele"),
                        containsString("Werbegemeinschaft der Altstadthändler"),
                        containsString("Ihr „Händler … gemeinsam“ entspricht „Werbegemeinschaft“ (Titel)"),
                        containsString("href=\"/partner/3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f\""),
                        containsString("in Schleswig-Holstein tätig"), containsString("href=\"/kommunen/07232018\""),
                        containsString("1 Praxisbeispiele, 1 Partner und 1 Kommunen gefunden."),
                        containsString("value=\"Die Händler sollen gemeinsam auftreten\""))));
        ArgumentCaptor<NeedWrite> sent = ArgumentCaptor.forClass(NeedWrite.class);
        then(needs).should().tryOut(sent.capture(), eq(5));
        org.assertj.core.api.Assertions.assertThat(sent.getValue()).isEqualTo(new NeedWrite(HUSUM,
                "Die Händler sollen gemeinsam auftreten", "", List.of("marketing"), "MEMBERS"));

        // the script asks for the recommendations only
        mvc.perform(post("/bedarfe/neu/vorschau").with(member("Karla", "kommune", HUSUM)).with(csrf())
                        .header("X-Requested-With", "fetch").param("titel", "Händler gemeinsam"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"empfehlungen-listen\""),
                        containsString("Werbegemeinschaft der Altstadthändler"), not(containsString("<html")))));
    }

    @Test
    void savingChecksTheFieldsCreatesTheNeedAndStartsTheMailsIfWished() throws Exception {
        given(catalog.topics()).willReturn(List.of(new Topic("marketing", "Stadtmarketing und Kommunikation")));
        mvc.perform(post("/bedarfe").with(member("Karla", "kommune", HUSUM)).with(csrf()).param("titel", " ")
                        .param("themen", "keins"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bitte prüfen Sie 2 Angaben"),
                        containsString("Bitte geben Sie an, worum es geht (Titel)."),
                        containsString("Bitte wählen Sie Themen aus der Liste."))));
        then(needs).should(never()).create(any());

        given(needs.create(any())).willReturn(need("PUBLIC", "OPEN"));
        mvc.perform(post("/bedarfe").with(member("Karla", "kommune", HUSUM)).with(csrf())
                        .param("titel", "Die Händler sollen gemeinsam auftreten").param("sichtbarkeit", "PUBLIC")
                        .param("benachrichtigen", "true"))
                .andExpect(redirectedUrl("/bedarfe/" + ID));
        then(needs).should().create(new NeedWrite(HUSUM, "Die Händler sollen gemeinsam auftreten", "", List.of(),
                "PUBLIC"));
        then(needs).should().watch(UUID.fromString(ID));
    }

    @Test
    void aNeedIsSavedEvenWhenTheMailsCannotBeStartedAndItsPageStillShows() throws Exception {
        given(catalog.topics()).willReturn(List.of(new Topic("marketing", "Stadtmarketing und Kommunikation")));
        given(needs.create(any())).willReturn(need("MEMBERS", "OPEN"));
        org.mockito.BDDMockito.willThrow(new org.springframework.web.client.ResourceAccessException("down"))
                .given(needs).watch(UUID.fromString(ID));
        mvc.perform(post("/bedarfe").with(member("Karla", "kommune", HUSUM)).with(csrf())
                        .param("titel", "Die Händler sollen gemeinsam auftreten").param("benachrichtigen", "true"))
                .andExpect(redirectedUrl("/bedarfe/" + ID))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "problem", containsString("konnten gerade nicht eingerichtet werden")));
        given(needs.find(UUID.fromString(ID))).willReturn(Optional.of(need("MEMBERS", "OPEN")));
        given(needs.recommendations(eq(UUID.fromString(ID)), anyInt())).willReturn(FOUND);
        given(needs.watching(UUID.fromString(ID))).willThrow(
                new org.springframework.web.client.ResourceAccessException("down"));
        mvc.perform(get("/bedarfe/" + ID).with(member("Karla", "kommune", HUSUM))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Per E-Mail über Neues informieren")));
    }

    @Test
    void aNeedsPageShowsItsRecommendationsAndToItsKommuneTheActions() throws Exception {
        given(catalog.topics()).willReturn(List.of(new Topic("marketing", "Stadtmarketing und Kommunikation")));
        given(needs.find(UUID.fromString(ID))).willReturn(Optional.of(need("MEMBERS", "OPEN")));
        given(needs.recommendations(eq(UUID.fromString(ID)), anyInt())).willReturn(FOUND);
        given(needs.watching(UUID.fromString(ID))).willReturn(true);
        mvc.perform(get("/bedarfe/" + ID).with(member("Karla", "kommune", HUSUM))).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Die Händler sollen gemeinsam auftreten – Stadtretter</title>"),
                        containsString("Offener Bedarf"), containsString("href=\"/kommunen/01054056\""),
                        containsString("Stadtmarketing und Kommunikation"), containsString("1. Dezember 2026"),
                        containsString("Keine E-Mails mehr zu diesem Bedarf"), containsString("Bedarf schließen"),
                        containsString("Werbegemeinschaft der Altstadthändler"),
                        containsString("Kommunen wie Ihre, die daran arbeiten"))));
        // another town sees the recommendations, not the actions
        mvc.perform(get("/bedarfe/" + ID).with(member("Kai", "kommune", "01002000"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Werbegemeinschaft der Altstadthändler"),
                        not(containsString("Bedarf schließen")))));
        given(needs.find(UUID.fromString("00000000-0000-4000-8000-000000000000"))).willReturn(Optional.empty());
        mvc.perform(get("/bedarfe/00000000-0000-4000-8000-000000000000")).andExpect(status().isNotFound());
        mvc.perform(get("/bedarfe/keine-id")).andExpect(status().isNotFound());
        mvc.perform(post("/bedarfe/" + ID + "/schliessen").with(member("Paula", "partner", "partner-1")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/bedarfe/" + ID + "/schliessen").with(member("Karla", "kommune", HUSUM)).with(csrf()))
                .andExpect(redirectedUrl("/bedarfe/" + ID));
        then(needs).should().close(UUID.fromString(ID));
    }

    @Test
    void meineBedarfeListsTheOpenAndClosedNeedsOfTheOwnKommune() throws Exception {
        given(needs.ofTown(HUSUM, null)).willReturn(new NeedList(List.of(need("PRIVATE", "OPEN"),
                new Need("6b8d0f2c-4e6a-4b7c-9d1e-3f5a7b9c1d2e", HUSUM, "Husum, Stadt", "Parken am Hafen", "", List.of(),
                        "PUBLIC", "CLOSED", 1, Instant.parse("2026-10-01T09:00:00Z"), null, null))));
        mvc.perform(get("/meine-bedarfe").with(member("Karla", "kommune", HUSUM))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Meine Bedarfe"),
                        containsString("href=\"/bedarfe/" + ID + "\""),
                        containsString("Nur für unsere Kommune und die Redaktion"), containsString("Geschlossen"),
                        containsString("Parken am Hafen"), containsString("href=\"/bedarfe/neu\""))));
    }
}
