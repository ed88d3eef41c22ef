package de.stadtretter.portal.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.CaseList;
import de.stadtretter.portal.catalog.CatalogModels.CaseWrite;
import de.stadtretter.portal.catalog.CatalogModels.HistoryEntry;
import de.stadtretter.portal.catalog.CatalogModels.PendingRevision;
import de.stadtretter.portal.catalog.CatalogModels.Revision;
import de.stadtretter.portal.catalog.CatalogModels.Topic;
import de.stadtretter.portal.catalog.EditorialClient;

/**
 * The Kommune's form, the Redaktion's pages and the newsletter render and react as they should: field errors with a
 * summary, only the step's own fields change, another organisation's case is a 404, the Redaktion pages are 403 for
 * everybody else, every form carries a CSRF token.
 */
class EditorialPagesTest extends PortalWebTest {

    static final UUID ID = UUID.fromString("0b5d3c9e-1f2a-4b6c-8d7e-9f0a1b2c3d4e");
    static final String FLENSBURG_AGS = "01001000";

    @BeforeEach
    void topics() {
        List<Topic> topics = List.of(new Topic("leerstand", "Standortförderung und Leerstand"),
                new Topic("events", "Events"));
        given(catalog.topics()).willReturn(topics);
    }

    @Test
    void aKommuneSeesItsCasesWithStatusAndTheRedaktionsComment() throws Exception {
        given(editorial.mine(0, 50)).willReturn(new CaseList(List.of(draft("CHANGES_REQUESTED",
                "Bitte ergänzen Sie die <Kosten>.")), 0, 50, 1));
        mvc.perform(get("/meine-praxisbeispiele").with(member("Karla", "kommune", FLENSBURG_AGS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Meine Praxisbeispiele – Stadtretter</title>"),
                        containsString("Änderungen erbeten"), containsString("Bitte ergänzen Sie die &lt;Kosten&gt;."),
                        containsString("/meine-praxisbeispiele/" + ID + "/schritt/1"))));
    }

    @Test
    void stepOneWithoutTitleAndTopicsShowsErrorsNextToTheFieldsAndASummary() throws Exception {
        mvc.perform(post("/meine-praxisbeispiele/neu").with(member("Karla", "kommune", FLENSBURG_AGS)).with(csrf())
                        .param("title", "").param("teaser", "Kurz").param("_topics", "on")
                        .param("endDate", "2020-01-01").param("startDate", "2021-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Fehler: Schritt 1 von 4: Grunddaten"),
                        containsString("Bitte prüfen Sie 3 Angaben"), containsString("href=\"#title\""),
                        containsString("id=\"title-error\""), containsString("aria-invalid=\"true\""),
                        containsString("Bitte wählen Sie mindestens ein Thema."),
                        containsString("Das Projektende darf nicht vor dem Projektbeginn liegen."),
                        containsString(">Kurz</textarea>"),
                        containsString("name=\"_csrf\""))));
        verify(editorial, never()).create(any());
    }

    @Test
    void aNewDraftIsCreatedForTheMembersOwnMunicipality() throws Exception {
        given(editorial.create(any())).willReturn(draft("DRAFT", null));
        mvc.perform(post("/meine-praxisbeispiele/neu").with(member("Karla", "kommune", FLENSBURG_AGS)).with(csrf())
                        .param("title", "Leerstandskataster").param("teaser", "Kurz").param("topics", "leerstand")
                        .param("tags", "Leerstand, Altstadt").param("ags", "09162000"))
                .andExpect(redirectedUrl("/meine-praxisbeispiele/" + ID + "/schritt/2"));
        ArgumentCaptor<CaseWrite> body = ArgumentCaptor.forClass(CaseWrite.class);
        verify(editorial).create(body.capture());
        org.assertj.core.api.Assertions.assertThat(body.getValue().ags()).isEqualTo(FLENSBURG_AGS);
        org.assertj.core.api.Assertions.assertThat(body.getValue().tags()).containsExactly("Leerstand", "Altstadt");
    }

    @Test
    void aStepChangesOnlyItsOwnFieldsAndSendsTheVersionTheMemberSaw() throws Exception {
        given(editorial.get(ID)).willReturn(draft("DRAFT", null));
        given(editorial.edit(eq(ID), any())).willReturn(draft("DRAFT", null));
        mvc.perform(post("/meine-praxisbeispiele/" + ID + "/schritt/3").with(member("Karla", "kommune", FLENSBURG_AGS))
                        .with(csrf()).param("version", "7").param("title", "Anderer Titel")
                        .param("budgetMin", "25.000").param("budgetMax", "40000")
                        .param("indicators[0].name", "Leerstandsquote").param("indicators[0].before", "28,6")
                        .param("indicators[0].after", "4,1"))
                .andExpect(redirectedUrl("/meine-praxisbeispiele/" + ID + "/schritt/4"));
        ArgumentCaptor<CaseWrite> body = ArgumentCaptor.forClass(CaseWrite.class);
        verify(editorial).edit(eq(ID), body.capture());
        CaseWrite sent = body.getValue();
        org.assertj.core.api.Assertions.assertThat(sent.title()).isEqualTo("Leerstandskataster");
        org.assertj.core.api.Assertions.assertThat(sent.version()).isEqualTo(7L);
        org.assertj.core.api.Assertions.assertThat(sent.budget().minEur()).isEqualTo(25_000L);
        org.assertj.core.api.Assertions.assertThat(sent.indicators()).singleElement()
                .satisfies(i -> org.assertj.core.api.Assertions.assertThat(i.before()).isEqualByComparingTo("28.6"));
    }

    @Test
    void rowsNoFormHasAreIgnoredNotAnError() throws Exception {
        given(editorial.get(ID)).willReturn(draft("DRAFT", null));
        given(editorial.edit(eq(ID), any())).willReturn(draft("DRAFT", null));
        mvc.perform(post("/meine-praxisbeispiele/" + ID + "/schritt/3").with(member("Karla", "kommune", FLENSBURG_AGS))
                        .with(csrf()).param("version", "7").param("indicators[99999999999].name", "x")
                        .param("indicators[abc].name", "x").param("links[25].url", "x").param("title.length", "1")
                        .param("indicators[0].name[1]", "x"))
                .andExpect(redirectedUrl("/meine-praxisbeispiele/" + ID + "/schritt/4"));
        ArgumentCaptor<CaseWrite> body = ArgumentCaptor.forClass(CaseWrite.class);
        verify(editorial).edit(eq(ID), body.capture());
        org.assertj.core.api.Assertions.assertThat(body.getValue().indicators()).isEmpty();
        mvc.perform(get("/meine-praxisbeispiele/" + ID + "/schritt/9").with(member("Karla", "kommune", FLENSBURG_AGS)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/meine-praxisbeispiele/kein-uuid/schritt/1").with(member("Karla", "kommune", FLENSBURG_AGS)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStaleVersionIsNotSavedButReloaded() throws Exception {
        given(editorial.get(ID)).willReturn(draft("DRAFT", null));
        mvc.perform(post("/meine-praxisbeispiele/" + ID + "/schritt/2").with(member("Karla", "kommune", FLENSBURG_AGS))
                        .with(csrf()).param("version", "6").param("problem", "Neu"))
                .andExpect(redirectedUrl("/meine-praxisbeispiele/" + ID + "/schritt/2"));
        verify(editorial, never()).edit(any(), any());
    }

    @Test
    void anotherKommunesCaseDoesNotExistForTheForm() throws Exception {
        given(editorial.get(ID)).willReturn(draft("PUBLISHED", null));
        for (String path : List.of("/schritt/1", "/pruefen")) {
            mvc.perform(get("/meine-praxisbeispiele/" + ID + path).with(member("Lena", "kommune", "14713000")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("Leerstandskataster"))));
        }
        mvc.perform(post("/meine-praxisbeispiele/" + ID + "/einreichen").with(member("Lena", "kommune", "14713000"))
                .with(csrf()).param("version", "7")).andExpect(status().isNotFound());
        verify(editorial, never()).step(any(), anyString(), anyInt(), any());
    }

    @Test
    void aPublishedCaseIsRevisedAndSubmittedAsARevision() throws Exception {
        given(editorial.get(ID)).willReturn(draft("PUBLISHED", null, new PendingRevision("DRAFT", 2, null, null)));
        given(editorial.revision(ID)).willReturn(new Revision(ID, "DRAFT", 2, 7, List.of("title"), null, null,
                draft("PUBLISHED", null)));
        mvc.perform(get("/meine-praxisbeispiele/" + ID + "/pruefen").with(member("Karla", "kommune", FLENSBURG_AGS)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Die veröffentlichte Fassung bleibt sichtbar")));
        mvc.perform(post("/meine-praxisbeispiele/" + ID + "/einreichen").with(member("Karla", "kommune", FLENSBURG_AGS))
                        .with(csrf()).param("version", "2"))
                .andExpect(redirectedUrl("/meine-praxisbeispiele"));
        verify(editorial).step(ID, "revision/submit", 2, null);
    }

    @Test
    void theRedaktionPagesAre403ForEverybodyElse() throws Exception {
        mvc.perform(get("/redaktion").with(member("Karla", "kommune", FLENSBURG_AGS)))
                .andExpect(status().isForbidden()); // the German page comes from the container's error dispatch
        mvc.perform(get("/redaktion/praxisbeispiele/" + ID).with(member("Paul", "partner", "p1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meine-praxisbeispiele").with(member("Rita", "redaktion", "stadtretter")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRedaktionSeesWhatARevisionChangesAndTheHistory() throws Exception {
        CaseDetail published = draft("PUBLISHED", null, new PendingRevision("SUBMITTED", 3, null, Instant.now()));
        CaseDetail revised = new CaseDetail(ID, "Leerstandskataster 2.0", published.teaser(), published.ags(),
                published.ownerOrganisation(), FLENSBURG, published.topics(), published.tags(), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, "PUBLISHED", null, null, 0, 7, null, null, null, null);
        given(editorial.get(ID)).willReturn(published);
        given(editorial.revision(ID)).willReturn(new Revision(ID, "SUBMITTED", 3, 7, List.of("title"), null,
                Instant.now(), revised));
        given(editorial.history(ID)).willReturn(List.of(new HistoryEntry("revision-submitted", "PUBLISHED",
                "PUBLISHED", Instant.now(), null, List.of("title"))));
        mvc.perform(get("/redaktion/praxisbeispiele/" + ID).with(member("Rita", "redaktion", "stadtretter")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Was die Überarbeitung ändert"),
                        containsString("Leerstandskataster 2.0"), containsString("Überarbeitung eingereicht"),
                        containsString("<details class=\"kern-accordion history-accordion\" open>"),
                        containsString("Verlauf (1 Eintrag)"),
                        containsString("value=\"3\""), containsString("Änderungen erbitten"))));
        // a request for changes needs a comment
        mvc.perform(post("/redaktion/praxisbeispiele/" + ID + "/aenderungen-erbitten")
                        .with(member("Rita", "redaktion", "stadtretter")).with(csrf()).param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bitte schreiben Sie der Kommune, was sie ändern soll.")));
        verify(editorial, never()).step(any(), anyString(), anyInt(), any());
        mvc.perform(post("/redaktion/praxisbeispiele/" + ID + "/aenderungen-erbitten")
                        .with(member("Rita", "redaktion", "stadtretter")).with(csrf()).param("version", "3")
                        .param("kommentar", "Bitte Kosten nennen."))
                .andExpect(redirectedUrl("/redaktion"));
        verify(editorial).step(ID, "revision/request-changes", 3, "Bitte Kosten nennen.");
    }

    @Test
    void aConflictInTheServiceBecomesAHintNotAnError() throws Exception {
        given(editorial.get(ID)).willReturn(draft("SUBMITTED", null));
        org.mockito.Mockito.doThrow(new EditorialClient.Conflict()).when(editorial)
                .step(ID, "publish", 7, null);
        mvc.perform(post("/redaktion/praxisbeispiele/" + ID + "/veroeffentlichen")
                        .with(member("Rita", "redaktion", "stadtretter")).with(csrf()).param("version", "7"))
                .andExpect(redirectedUrl("/redaktion/praxisbeispiele/" + ID));
    }

    private static final de.stadtretter.portal.newsletter.NewsletterModels.Options OPTIONS =
            new de.stadtretter.portal.newsletter.NewsletterModels.Options(
                    List.of(new de.stadtretter.portal.newsletter.NewsletterModels.Option("leerstand",
                            "Standortförderung und Leerstand"),
                            new de.stadtretter.portal.newsletter.NewsletterModels.Option("events", "Veranstaltungen")),
                    List.of(new de.stadtretter.portal.newsletter.NewsletterModels.Option("SH", "Schleswig-Holstein")),
                    List.of(new de.stadtretter.portal.newsletter.NewsletterModels.Option("21",
                            "Größere Mittelstadt")), "2026-12-01", "Ich willige ein, dass Stadtretter mir schreibt.");

    @Test
    void theNewsletterFormChecksItsFieldsAndAsksForConfirmation() throws Exception {
        given(notifications.options()).willReturn(OPTIONS);
        mvc.perform(get("/newsletter")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Newsletter – Stadtretter</title>"),
                        containsString("Standortförderung und Leerstand"), containsString("name=\"_csrf\""),
                        containsString("Schleswig-Holstein"), containsString("Größere Mittelstadt"),
                        containsString("Ich willige ein, dass Stadtretter mir schreibt."),
                        containsString("value=\"2026-12-01\""), containsString("Täglich um 7 Uhr"))));
        mvc.perform(post("/newsletter").with(csrf()).param("email", "keine-adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("E-Mail-Adresse wie name@beispiel.de"),
                        containsString("Bitte wählen Sie mindestens ein Thema."),
                        containsString("Bitte willigen Sie ein"))));
        verify(notifications, never()).subscribe(anyString(), any(), any(), any());
        var chosen = new de.stadtretter.portal.newsletter.NewsletterModels.Preferences(List.of("events"),
                List.of("SH"), List.of(), List.of("CASES", "NEEDS"), "DAILY");
        given(notifications.subscribe(org.mockito.ArgumentMatchers.eq("ina@example.de"),
                org.mockito.ArgumentMatchers.eq(chosen), org.mockito.ArgumentMatchers.eq("2026-12-01"), any()))
                .willReturn(new de.stadtretter.portal.newsletter.NewsletterModels.Answer(
                        de.stadtretter.portal.newsletter.NewsletterModels.Outcome.DONE, List.of(), 0));
        mvc.perform(post("/newsletter").with(csrf()).param("email", " ina@example.de ").param("topics", "events")
                        .param("laender", "SH").param("kinds", "CASES", "NEEDS").param("frequency", "DAILY")
                        .param("consent", "ja").param("consentVersion", "2026-12-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bitte bestätigen Sie Ihr Abonnement")));
        // too many requests from this address: said so, in German, with the wait
        given(notifications.subscribe(org.mockito.ArgumentMatchers.eq("flut@example.de"), any(), any(), any()))
                .willReturn(new de.stadtretter.portal.newsletter.NewsletterModels.Answer(
                        de.stadtretter.portal.newsletter.NewsletterModels.Outcome.TOO_MANY, List.of(), 600));
        mvc.perform(post("/newsletter").with(csrf()).param("email", "flut@example.de").param("topics", "events")
                        .param("kinds", "CASES").param("frequency", "WEEKLY").param("consent", "ja")
                        .param("consentVersion", "2026-12-01"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("in etwa 10 Minuten")));
        // a link from the mail: the GET only shows a button, the POST confirms
        mvc.perform(get("/newsletter/bestaetigen").param("token", "abc")).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"abc\"")));
        verify(notifications, never()).confirm(anyString());
        mvc.perform(get("/newsletter/bestaetigen")).andExpect(status().isNotFound());
    }

    @Test
    void membersSubscribeInMeinKontoWithTheirConsentAndAnonymousVisitorsLogInFirst() throws Exception {
        given(notifications.options()).willReturn(OPTIONS);
        given(notifications.memberSubscription()).willReturn(java.util.Optional.empty());
        mvc.perform(get("/mein-konto")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/mein-konto").with(member("Karla", "kommune", FLENSBURG_AGS))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Mein Konto – Stadtretter</title>"),
                        containsString("Sie haben den Newsletter nicht abonniert"),
                        containsString("Ich willige ein, dass Stadtretter mir schreibt."))));
        // without consent: nothing is sent to the service
        mvc.perform(post("/mein-konto/newsletter").with(member("Karla", "kommune", FLENSBURG_AGS)).with(csrf())
                        .param("topics", "leerstand").param("kinds", "CASES").param("frequency", "DAILY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bitte willigen Sie ein")));
        verify(notifications, never()).saveMemberSubscription(any(), any(), any());
        var chosen = new de.stadtretter.portal.newsletter.NewsletterModels.Preferences(List.of("leerstand"),
                List.of(), List.of(), List.of("CASES"), "DAILY");
        given(notifications.saveMemberSubscription(org.mockito.ArgumentMatchers.eq(chosen),
                org.mockito.ArgumentMatchers.eq("2026-12-01"), any()))
                .willReturn(new de.stadtretter.portal.newsletter.NewsletterModels.Answer(
                        de.stadtretter.portal.newsletter.NewsletterModels.Outcome.DONE, List.of(), 0));
        mvc.perform(post("/mein-konto/newsletter").with(member("Karla", "kommune", FLENSBURG_AGS)).with(csrf())
                        .param("topics", "leerstand").param("kinds", "CASES").param("frequency", "DAILY")
                        .param("consent", "ja").param("consentVersion", "2026-12-01"))
                .andExpect(redirectedUrl("/mein-konto"))
                .andExpect(flash().attribute("message", "Ihr Newsletter-Abonnement ist aktiv."));
    }

    @Test
    void membersSeeWhereTheMailsAboutTheirWorkGoAndTurnThemOff() throws Exception {
        given(notifications.options()).willReturn(OPTIONS);
        given(notifications.memberAddress()).willReturn(java.util.Optional.of(
                new de.stadtretter.portal.newsletter.NotificationClient.MemberAddress("karla@flensburg.example", true,
                        Instant.parse("2026-12-01T10:00:00Z"))));
        mvc.perform(get("/mein-konto").with(member("Karla", "kommune", FLENSBURG_AGS))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("E-Mails zu Ihrer Arbeit"),
                        containsString("<strong>karla@flensburg.example</strong>"),
                        containsString("Diese E-Mails abbestellen"))));
        mvc.perform(post("/mein-konto/benachrichtigungen").with(member("Karla", "kommune", FLENSBURG_AGS))
                        .with(csrf()).param("workflowMails", "aus"))
                .andExpect(redirectedUrl("/mein-konto"))
                .andExpect(flash().attribute("message", "Sie erhalten keine E-Mails zu Ihrer Arbeit auf Stadtretter mehr."));
        verify(notifications).setWorkflowMails(false);
    }

    @Test
    void membersMarkACaseHelpful() throws Exception {
        mvc.perform(post("/praxisbeispiele/" + ID + "/hilfreich").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(post("/praxisbeispiele/" + ID + "/hilfreich").with(member("Karla", "kommune", FLENSBURG_AGS))
                        .with(csrf()).param("hilfreich", "true"))
                .andExpect(redirectedUrl("/praxisbeispiele/" + ID + "#hilfreich"));
        verify(editorial).markHelpful(ID, true);
    }

    private static CaseDetail draft(String status, String reviewComment) {
        return draft(status, reviewComment, null);
    }

    private static CaseDetail draft(String status, String reviewComment, PendingRevision revision) {
        return new CaseDetail(ID, "Leerstandskataster", "Kurz", FLENSBURG_AGS, FLENSBURG_AGS, FLENSBURG,
                List.of("leerstand"), List.of(), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, status, reviewComment, revision, 0, 7,
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"), null, null);
    }
}
