package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.GatewayClient;
import de.stadtretter.e2e.support.Json;
import de.stadtretter.e2e.support.StadtretterPlatform;

/**
 * The catalogue through the gateway on the running platform: the demo catalogue it starts with, the German search
 * (inflection, compounds, typos, synonyms) with facets and highlights, the API description, and a revision of a
 * published case going through the Redaktion while the published version stays visible.
 */
@ExtendWith(StadtretterPlatform.class)
class CatalogSearchIT {

    private final GatewayClient gateway = Endpoints.gateway();

    private Map<String, Object> search(String query) {
        HttpResponse<String> r = gateway.get("/api/catalog/search?" + query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.object(r.body());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("items");
    }

    private String firstTitle(String q) {
        List<Map<String, Object>> items = items(search("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        assertThat(items).as(q).isNotEmpty();
        return (String) items.getFirst().get("title");
    }

    @Test
    void theDemoCatalogueIsSearchableInGermanWithFacetsAndHighlights() {
        Map<String, Object> all = search("size=1");
        assertThat(((Number) all.get("totalItems")).intValue()).as("the demo catalogue").isGreaterThanOrEqualTo(30);

        assertThat(firstTitle("Wochenmärkten")).isEqualTo("Ein neues Konzept für den Wochenmarkt");
        assertThat(firstTitle("Innenstadtentwicklung")).isEqualTo("Integriertes Konzept zur Entwicklung der Innenstadt");
        assertThat(firstTitle("Wochenmrkt")).isEqualTo("Ein neues Konzept für den Wochenmarkt");
        assertThat(firstTitle("Kundenkarte")).isEqualTo("Gemeinsame Treuekarte der inhabergeführten Geschäfte");
        assertThat(firstTitle("Buergerbeteiligung")).isEqualTo("Bürgerbeteiligung zur Umgestaltung des Marktplatzes");

        Map<String, Object> faceted = search("q=Leerstand&topic=leerstand&land=NW&land=RP");
        @SuppressWarnings("unchecked")
        Map<String, Object> facets = (Map<String, Object>) faceted.get("facets");
        assertThat(facets.keySet()).containsExactly("topic", "land", "townType", "projectStatus", "budget");
        assertThat(items(faceted)).isNotEmpty().allSatisfy(item -> assertThat(
                ((Map<?, ?>) item.get("municipality")).get("stateCode")).isIn("NW", "RP"));
        assertThat(items(faceted).getFirst().get("highlights").toString()).contains("<mark>");

        HttpResponse<String> suggest = gateway.get("/api/catalog/search/suggest?q=Woch", null);
        assertThat(suggest.statusCode()).isEqualTo(200);
        assertThat(suggest.body()).contains("Ein neues Konzept für den Wochenmarkt");

        HttpResponse<String> apiDocs = gateway.get("/api/catalog/v3/api-docs", null);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("\"/api/catalog/search\"", "Lernerfahrungen");
    }

    @Test
    void aRevisionGoesThroughTheRedaktionWhileTheOldVersionStaysVisible() {
        String kommune = Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD);
        String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);
        String title = Cases.newTitle("Revision");
        String id = (String) Cases.create(kommune, title, Endpoints.KOMMUNE_AGS, List.of("leerstand")).get("id");
        Cases.submit(kommune, id);
        long version = ((Number) Cases.publish(redaktion, id).get("version")).longValue();

        String revised = Cases.body(title, Endpoints.KOMMUNE_AGS, List.of("leerstand"))
                .replace("}", ", \"lessons\": \"Xenokratische Zwischenbilanz nach dem ersten Jahr.\", \"version\": "
                        + version + "}");
        HttpResponse<String> put = gateway.put(Cases.CASES + "/" + id + "/revision", kommune, revised);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(gateway.post(Cases.CASES + "/" + id + "/revision/submit", kommune, "").statusCode())
                .isEqualTo(200);

        // still the published version for everybody
        assertThat(Json.object(gateway.get(Cases.CASES + "/" + id, null).body()).get("lessons")).isNull();
        assertThat(items(search("q=Xenokratische"))).isEmpty();

        HttpResponse<String> published = gateway.post(Cases.CASES + "/" + id + "/revision/publish", redaktion, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(Json.object(gateway.get(Cases.CASES + "/" + id, null).body()).get("lessons"))
                .isEqualTo("Xenokratische Zwischenbilanz nach dem ersten Jahr.");
        assertThat(items(search("q=Xenokratische"))).extracting(i -> i.get("id")).containsExactly(id);
    }
}
