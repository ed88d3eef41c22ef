package de.stadtretter.portal.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import de.stadtretter.portal.catalog.CatalogModels.Topic;
import de.stadtretter.portal.towns.MatchingClient.Similar;
import de.stadtretter.portal.towns.MatchingClient.SimilarTown;
import de.stadtretter.portal.towns.MatchingClient.Town;
import de.stadtretter.portal.towns.MatchingClient.TownCase;
import de.stadtretter.portal.towns.MatchingClient.TownCases;
import de.stadtretter.portal.towns.MatchingClient.TownType;
import de.stadtretter.portal.needs.NeedModels.Need;
import de.stadtretter.portal.needs.NeedModels.NeedList;

/** The municipality page with its facts and the towns like it (matching-service is a stub here). */
class TownPagesTest extends PortalWebTest {

    @Test
    void aMunicipalityPageShowsItsFactsAndTownsLikeItWithTheReasons() throws Exception {
        given(catalog.topics()).willReturn(List.of(new Topic("leerstand", "Standortförderung und Leerstand")));
        given(matching.town("01054056")).willReturn(Optional.of(new Town("01054056", "Husum, Stadt", 23189, 25.8,
                899, "SH", "Schleswig-Holstein", "Nordfriesland", new TownType("22", "Kleinere Mittelstadt"), "RURAL",
                List.of("leerstand"), "Hafenstadt an der <b>Nordsee</b>.", 1)));
        given(matching.similar(eq("01054056"), anyInt())).willReturn(new Similar("01054056", List.of(
                new SimilarTown("07232018", "Bitburg, Stadt", 15047, "Größere Kleinstadt", "Rheinland-Pfalz", 0.71,
                        List.of("ähnliche Größe: 15.000 Einwohner (Sie: 23.000)", "ebenfalls in ländlicher Lage")))));
        given(matching.cases(eq("01054056"), anyInt())).willReturn(new TownCases("01054056", List.of(
                new TownCase("3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f", "Hafenfest in der Altstadt", List.of("events"),
                        java.time.Instant.parse("2026-11-02T10:00:00Z")))));
        given(needs.ofTown("01054056", "OPEN")).willReturn(new NeedList(List.of(new Need(
                "5a7c9e1b-3d5f-4a6b-8c0d-2e4f6a8b0c1d", "01054056", "Husum, Stadt", "Leere Läden am Markt", "", List.of(),
                "PUBLIC", "OPEN", 0, null, null, null))));
        mvc.perform(get("/kommunen/01054056")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Husum, Stadt – Stadtretter</title>"),
                        containsString("Kleinere Mittelstadt in Schleswig-Holstein"), containsString("23.189"),
                        containsString("Nordfriesland"), containsString("ländlich"),
                        containsString("Standortförderung und Leerstand"),
                        containsString("Hafenstadt an der &lt;b&gt;Nordsee&lt;/b&gt;."),
                        containsString("href=\"/kommunen/07232018\""),
                        containsString("ähnliche Größe: 15.000 Einwohner (Sie: 23.000)"),
                        containsString("Praxisbeispiele aus Husum, Stadt"),
                        containsString("href=\"/praxisbeispiele/3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f\""),
                        containsString("Hafenfest in der Altstadt"), containsString("2. November 2026"),
                        containsString("href=\"/bedarfe/5a7c9e1b-3d5f-4a6b-8c0d-2e4f6a8b0c1d\""))));
        given(matching.town("99999999")).willReturn(Optional.empty());
        mvc.perform(get("/kommunen/99999999")).andExpect(status().isNotFound());
        mvc.perform(get("/kommunen/husum")).andExpect(status().isNotFound());
    }
}
