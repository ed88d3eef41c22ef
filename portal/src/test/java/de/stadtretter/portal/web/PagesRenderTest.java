package de.stadtretter.portal.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.stadtretter.portal.catalog.CatalogModels.Budget;
import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.CasePartner;
import de.stadtretter.portal.catalog.CatalogModels.CaseSummary;
import de.stadtretter.portal.catalog.CatalogModels.Contact;
import de.stadtretter.portal.catalog.CatalogModels.FacetValue;
import de.stadtretter.portal.catalog.CatalogModels.Indicator;
import de.stadtretter.portal.catalog.CatalogModels.SearchPage;

/**
 * Every page renders from its templates (a unit test of the web layer: the catalogue is a stub here; the browser
 * tests in deploy/e2e-tests run the real thing): German titles, escaping, the contact only for members, 404s.
 */
class PagesRenderTest extends PortalWebTest {

    static final UUID ID = UUID.fromString("5ea77272-29ec-32d4-b54e-f1bb679e7a48");

    @Test
    void startPageWithTheNewestCasesTopicsAndTheMap() throws Exception {
        given(catalog.overview(anyInt())).willReturn(page(List.of(summary("<b>Leerstandsmanagement</b>", Map.of()))));
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Startseite – Stadtretter</title>"),
                        containsString("&lt;b&gt;Leerstandsmanagement&lt;/b&gt;"),
                        containsString("Standortförderung und Leerstand"), containsString("class=\"land level-4\""),
                        containsString("href=\"/suche?land=SH\""), containsString("Zum Inhalt springen"),
                        containsString("© GeoBasis-DE / BKG 2021 (Daten verändert)"),
                        not(containsString("<b>Leerstandsmanagement")))));
    }

    @Test
    void resultsWithHighlightsFacetsAndPages() throws Exception {
        given(catalog.search(any(), anyInt())).willReturn(new SearchPage(45, 1, 10,
                List.of(summary("Leerstandskataster in Flensburg", Map.of("problem",
                        List.of("Der <mark>Leerstand</mark> &lt;script&gt;x&lt;/script&gt;")))),
                Map.of("topic", List.of(new FacetValue("leerstand", "Standortförderung und Leerstand", 45)),
                        "budget", List.of(new FacetValue("100000", "", 12)))));
        mvc.perform(get("/suche").param("q", "Leerstand").param("topic", "leerstand").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Suche: Leerstand – Stadtretter</title>"),
                        containsString("45 Praxisbeispiele gefunden"),
                        containsString("Der <mark>Leerstand</mark> &lt;script&gt;x&lt;/script&gt;"),
                        containsString("value=\"leerstand\" checked"), containsString("bis 100.000 €"),
                        containsString("aria-current=\"page\""), containsString("Vorherige Seite"),
                        containsString("Nächste Seite"))));
    }

    @Test
    void noHitsGiveHelp() throws Exception {
        given(catalog.search(any(), anyInt())).willReturn(new SearchPage(0, 0, 10, List.of(), Map.of()));
        mvc.perform(get("/suche").param("q", "zzz")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Keine Treffer"),
                        containsString("0 Praxisbeispiele gefunden"))));
    }

    @Test
    void casePageShowsTheContactOnlyToMembers() throws Exception {
        given(catalog.find(ID)).willReturn(Optional.of(detail(new Contact("Erika Muster", "Citymanagerin",
                "erika@example.de", null))));
        given(catalog.plainSearch(any(), anyInt())).willReturn(new SearchPage(0, 0, 4, List.of(), Map.of()));
        mvc.perform(get("/praxisbeispiele/" + ID)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>&lt;script&gt;alert(1)&lt;/script&gt; Kataster – Stadtretter</title>"),
                        containsString("Lernerfahrungen und Stolpersteine"), containsString("28,6"),
                        containsString(">Ausgangslage</h2>"), containsString(">Ergebnisse</h2>"),
                        containsString("Herangehensweise"), containsString("Sofortprogramm"),
                        containsString("Die Kontaktperson sehen angemeldete Mitglieder."),
                        containsString("href=\"/partner/3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f\""),
                        containsString("(Eigentümeransprache)"),
                        not(containsString("<script>alert(1)</script>")))));
        mvc.perform(get("/praxisbeispiele/" + ID).with(oidcLogin().idToken(t -> t.claim("name", "Kai Kommune"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("erika@example.de"),
                        not(containsString("Die Kontaktperson sehen angemeldete Mitglieder.")))));
    }

    @Test
    void unknownAndMalformedCaseIdsAreGerman404Pages() throws Exception {
        given(catalog.find(any())).willReturn(Optional.empty());
        for (String id : List.of(UUID.randomUUID().toString(), "kein-uuid")) {
            mvc.perform(get("/praxisbeispiele/" + id)).andExpect(status().isNotFound());
        }
    }

    @Test
    void theErrorPathIsNoPageOfItsOwn() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
    }

    @Test
    void legalPagesAreThere() throws Exception {
        mvc.perform(get("/impressum")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Impressum – Stadtretter</title>")));
        mvc.perform(get("/datenschutz")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Double-Opt-in")));
        mvc.perform(get("/barrierefreiheit")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("BITV 2.0"), containsString("Schlichtungsstelle"))));
    }

    private static SearchPage page(List<CaseSummary> items) {
        return new SearchPage(items.size(), 0, 6, items, Map.of(
                "topic", List.of(new FacetValue("leerstand", "Standortförderung und Leerstand", 3)),
                "land", List.of(new FacetValue("SH", "Schleswig-Holstein", 3), new FacetValue("BY", "Bayern", 1))));
    }

    private static CaseSummary summary(String title, Map<String, List<String>> highlights) {
        return new CaseSummary(ID, title, "Kurz gesagt", FLENSBURG, List.of("leerstand"), List.of("Innenstadt"),
                "RUNNING", LocalDate.of(2024, 3, 1), null, new Budget(50_000L, 80_000L), true, 2,
                Instant.parse("2026-11-01T10:00:00Z"), highlights);
    }

    private static CaseDetail detail(Contact contact) {
        return new CaseDetail(ID, "<script>alert(1)</script> Kataster", "Kurz", "01001000", "01001000", FLENSBURG,
                List.of("leerstand"), List.of("Innenstadt"), "COMPLETED", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 30),
                "Ausgangslage", "Ziele", "Vorgehen", "Umsetzung", "Kosten", "Ergebnisse",
                "Was nicht funktioniert hat", "Übertragbar", new Budget(10_000L, 20_000L), List.of("Sofortprogramm"),
                18, List.of(new Indicator("Leerstandsquote", "%", new java.math.BigDecimal("28.6"),
                        new java.math.BigDecimal("4.1"), LocalDate.of(2024, 6, 1))),
                null, List.of(new CasePartner(UUID.fromString("3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f"),
                        "Innenstadtwerk Nord", "Eigentümeransprache")), contact, List.of(), "PUBLISHED", null, null, 3,
                4, Instant.parse("2026-10-01T10:00:00Z"), null, Instant.parse("2026-10-20T10:00:00Z"), Instant.parse("2026-11-01T10:00:00Z"));
    }
}
