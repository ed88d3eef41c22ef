package de.stadtretter.portal.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.stadtretter.portal.catalog.CatalogModels.SearchPage;
import de.stadtretter.portal.catalog.CatalogModels.Topic;
import de.stadtretter.portal.partners.PartnerClient;
import de.stadtretter.portal.partners.PartnerModels.Contact;
import de.stadtretter.portal.partners.PartnerModels.Directory;
import de.stadtretter.portal.partners.PartnerModels.DirectoryItem;
import de.stadtretter.portal.partners.PartnerModels.Evidence;
import de.stadtretter.portal.partners.PartnerModels.FacetValue;
import de.stadtretter.portal.partners.PartnerModels.Offering;
import de.stadtretter.portal.partners.PartnerModels.OfferingWrite;
import de.stadtretter.portal.partners.PartnerModels.Partner;
import de.stadtretter.portal.partners.PartnerModels.PartnerList;
import de.stadtretter.portal.partners.PartnerModels.Reference;

/** The partner pages render from their templates with the real security rules (partner-service is a stub here). */
class PartnerPagesTest extends PortalWebTest {

    static final UUID PARTNER = UUID.fromString("3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f");
    static final UUID CASE = UUID.fromString("5ea77272-29ec-32d4-b54e-f1bb679e7a48");

    @BeforeEach
    void topics() {
        given(catalog.topics()).willReturn(List.of(new Topic("leerstand", "Standortförderung und Leerstand"),
                new Topic("marketing", "Marketing und Kommunikation")));
    }

    static Partner partner(String status, Contact contact) {
        return new Partner(PARTNER, status, "Innenstadtwerk <i>Nord</i>", "GmbH", "Wir füllen Läden.\nSeit 2010.",
                "https://example.org", null, List.of("leerstand"), List.of("SH", "DE"), "SMALL", contact,
                List.of(new Offering(UUID.randomUUID(), "Leerstandskataster", "Erhebung", List.of(), List.of(),
                        "Festpreis")), 1,
                List.of(new Reference(UUID.randomUUID(), PARTNER, "Innenstadtwerk", CASE, "Kataster in Flensburg",
                        "01001000", "Flensburg, Stadt", "Eigentümeransprache", "CONFIRMED", Instant.now(), false,
                        Instant.now(), false)), null, true, 3, Instant.now(), Instant.now(), Instant.now());
    }

    @Test
    void theDirectoryShowsEvidenceFacetsAndExplainsTheOrder() throws Exception {
        given(partners.search(any())).willReturn(new Directory(1, 0, 20, List.of(new DirectoryItem(PARTNER,
                "Innenstadtwerk <b>Nord</b>", "Wir füllen Läden.", List.of("leerstand"), List.of("SH"), 2, 1.3,
                List.of(new Evidence(CASE, "Kataster in Flensburg", "Flensburg, Stadt", "Eigentümeransprache")))),
                Map.of("topic", List.of(new FacetValue("leerstand", "Standortförderung und Leerstand", 1)),
                        "region", List.of(new FacetValue("SH", "Schleswig-Holstein", 1)))));
        mvc.perform(get("/partner").param("q", "Leerstand").param("topic", "leerstand").param("region", "SH"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Partner: Leerstand – Stadtretter</title>"),
                        containsString("1 Partner gefunden"), containsString("Innenstadtwerk &lt;b&gt;Nord&lt;/b&gt;"),
                        containsString("2 von Kommunen bestätigte Referenzen"),
                        containsString("href=\"/praxisbeispiele/" + CASE + "\""),
                        containsString("Standortförderung und Leerstand (1)"), containsString("Wie die Reihenfolge entsteht"),
                        not(containsString("<b>Nord</b>")))));
        then(partners).should().search(Map.of("q", "Leerstand", "topic", "leerstand", "region", "SH", "sort",
                "evidence", "page", "0", "size", "20"));
    }

    @Test
    void aProfileShowsTheContactAndTheFormToMembersOnly() throws Exception {
        given(partners.find(PARTNER)).willReturn(Optional.of(partner("VERIFIED", null)));
        mvc.perform(get("/partner/" + PARTNER)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Innenstadtwerk &lt;i&gt;Nord&lt;/i&gt;"),
                        containsString("Leerstandskataster"), containsString("Kataster in Flensburg"),
                        containsString("Demo-Inhalt"), containsString("Schleswig-Holstein, Bundesweit"),
                        containsString("sehen angemeldete Mitglieder"), not(containsString("Nachricht senden")))));
        given(partners.find(PARTNER)).willReturn(Optional.of(partner("VERIFIED",
                new Contact("Jana Petersen", "jana@example.org", null))));
        mvc.perform(get("/partner/" + PARTNER).with(member("Kai Kommune", "kommune", "01001000")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("jana@example.org"),
                        containsString("Nachricht senden"))));
        given(partners.find(PARTNER)).willReturn(Optional.of(partner("PENDING", null)));
        mvc.perform(get("/partner/" + PARTNER)).andExpect(status().isNotFound());
        mvc.perform(get("/partner/kein-partner")).andExpect(status().isNotFound());
    }

    @Test
    void theContactFormNeedsSubjectMessageAndConsentAndTellsAboutTheLimit() throws Exception {
        given(partners.find(PARTNER)).willReturn(Optional.of(partner("VERIFIED",
                new Contact("Jana Petersen", "jana@example.org", null))));
        mvc.perform(post("/partner/" + PARTNER + "/kontakt").with(csrf()).param("betreff", "Frage"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/partner/" + PARTNER + "/kontakt").with(csrf())
                        .with(member("Kai Kommune", "kommune", "01001000")).param("betreff", "Frage"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bitte prüfen Sie 2 Angaben"),
                        containsString("Bitte schreiben Sie Ihre Nachricht."), containsString("Bitte willigen Sie ein"))));
        then(partners).should(never()).contact(any(), any(), any());
        mvc.perform(post("/partner/" + PARTNER + "/kontakt").with(csrf())
                        .with(member("Kai Kommune", "kommune", "01001000")).param("betreff", "Frage")
                        .param("nachricht", "Wie sind Sie vorgegangen?").param("einwilligung", "true"))
                .andExpect(redirectedUrl("/partner/" + PARTNER));
        then(partners).should().contact(PARTNER, "Frage", "Wie sind Sie vorgegangen?");
        willThrow(new PartnerClient.TooMany()).given(partners).contact(any(), any(), any());
        mvc.perform(post("/partner/" + PARTNER + "/kontakt").with(csrf())
                        .with(member("Kai Kommune", "kommune", "01001000")).param("betreff", "Frage")
                        .param("nachricht", "Noch eine").param("einwilligung", "true"))
                .andExpect(redirectedUrl("/partner/" + PARTNER + "#kontakt"));
    }

    @Test
    void theSelfServiceIsForPartnersAndShowsStatusOfferingsAndReferences() throws Exception {
        mvc.perform(get("/mein-partnerprofil").with(member("Kai Kommune", "kommune", "01001000")))
                .andExpect(status().isForbidden());
        given(partners.find(PARTNER)).willReturn(Optional.empty());
        mvc.perform(get("/mein-partnerprofil").with(member("Paul Partner", "partner", PARTNER.toString())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Profil anlegen"),
                        containsString("Profil zur Prüfung einreichen"), not(containsString("Referenz angeben")))));
        mvc.perform(post("/mein-partnerprofil").with(csrf())
                        .with(member("Paul Partner", "partner", PARTNER.toString())).param("name", "Neu GmbH"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bitte wählen Sie mindestens ein Thema."),
                        containsString("Bitte geben Sie eine Ansprechperson an."))));
        then(partners).should(never()).create(any());

        given(partners.find(PARTNER)).willReturn(Optional.of(partner("PENDING",
                new Contact("Jana Petersen", "jana@example.org", null))));
        given(partners.references(PARTNER)).willReturn(List.of(new Reference(UUID.randomUUID(), PARTNER, "I", CASE,
                "Kataster in Flensburg", "01001000", "Flensburg, Stadt", "Beratung", "CLAIMED", Instant.now(), false,
                null, false)));
        given(catalog.overview(anyInt())).willReturn(new SearchPage(0, 0, 100, List.of(), Map.of()));
        mvc.perform(get("/mein-partnerprofil").with(member("Paul Partner", "partner", PARTNER.toString())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("wartet auf die Prüfung durch die Redaktion"),
                        containsString("Leistung hinzufügen"), containsString("wartet auf die Kommune"),
                        containsString("„Leerstandskataster“ entfernen"),
                        containsString("Themen der Leistung"))));
        mvc.perform(post("/mein-partnerprofil/leistungen").with(csrf())
                        .with(member("Paul Partner", "partner", PARTNER.toString())).param("titel", "Citymanagement")
                        .param("leistungThemen", "leerstand", "unbekannt"))
                .andExpect(redirectedUrl("/mein-partnerprofil#leistungen"));
        then(partners).should().addOffering(PARTNER, new OfferingWrite(
                "Citymanagement", null, List.of("leerstand"), List.of("SH", "DE"), null));
    }

    @Test
    void theInboxIsForKommunenAndTheQueueForTheRedaktion() throws Exception {
        mvc.perform(get("/referenzen").with(member("Paul Partner", "partner", PARTNER.toString())))
                .andExpect(status().isForbidden());
        given(partners.inbox("CLAIMED")).willReturn(List.of(new Reference(UUID.randomUUID(), PARTNER,
                "Ladenwerk", CASE, "Kataster in Flensburg", "01001000", "Flensburg, Stadt", "Zwischennutzung",
                "CLAIMED", Instant.now(), false, null, false)));
        mvc.perform(get("/referenzen").with(member("Kai Kommune", "kommune", "01001000"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 Referenz wartet"),
                        containsString("Bestätigen: Ladenwerk"), containsString("Ablehnen: Ladenwerk"))));

        mvc.perform(get("/redaktion/partner").with(member("Kai Kommune", "kommune", "01001000")))
                .andExpect(status().isForbidden());
        given(partners.queue(eq("PENDING"), anyInt(), anyInt())).willReturn(new PartnerList(List.of(partner(
                "PENDING", null)), 0, 50, 1));
        mvc.perform(get("/redaktion/partner").with(member("Rita Redaktion", "redaktion", "stadtretter")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1 Profil wartet")));
        given(partners.find(PARTNER)).willReturn(Optional.of(partner("PENDING", null)));
        mvc.perform(post("/redaktion/partner/" + PARTNER + "/ablehnen").with(csrf())
                        .with(member("Rita Redaktion", "redaktion", "stadtretter")).param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("warum das Profil nicht freigegeben wird")));
        mvc.perform(post("/redaktion/partner/" + PARTNER + "/freigeben").with(csrf())
                        .with(member("Rita Redaktion", "redaktion", "stadtretter")).param("version", "3"))
                .andExpect(redirectedUrl("/redaktion/partner"));
        then(partners).should().review(PARTNER, "verify", 3, null);
    }
}
