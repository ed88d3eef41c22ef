package de.stadtretter.portal.catalog;

import java.util.Optional;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.SearchPage;

/**
 * catalog-service as the portal's pages need it. Public reads go without a token; when a visitor is logged in, the
 * call carries their access token (see {@code ServiceClientsConfig}), so the service decides what they may see (e.g.
 * the contact of a case).
 */
public class CatalogClient {

    private final RestClient anonymous;
    private final RestClient asUser;

    public CatalogClient(RestClient anonymous, RestClient asUser) {
        this.anonymous = anonymous;
        this.asUser = asUser;
    }

    public SearchPage search(SearchQuery query, int size) {
        return client().get().uri(b -> searchUri(b, query, size)).retrieve().body(SearchPage.class);
    }

    /**
     * Published cases for a list without passages (similar cases): anonymous, since only published cases are found,
     * and without highlights, which such a list does not show.
     */
    public SearchPage plainSearch(SearchQuery query, int size) {
        return anonymous.get().uri(b -> {
            b.queryParam("highlight", false);
            return searchUri(b, query, size);
        }).retrieve().body(SearchPage.class);
    }

    /** The newest published cases with the facet counts of the whole catalogue (for the start page). */
    public SearchPage overview(int size) {
        return client().get().uri(b -> b.path("/api/catalog/search").queryParam("sort", "newest")
                .queryParam("size", size).build()).retrieve().body(SearchPage.class);
    }

    /** Completions of what was typed (topics, places, titles), as catalog-service gives them. */
    public java.util.Map<String, Object> suggest(String q) {
        return anonymous.get().uri(b -> b.path("/api/catalog/search/suggest").queryParam("q", q).build()).retrieve()
                .body(new ParameterizedTypeReference<>() {});
    }

    /** The topic list with German labels. */
    public java.util.List<CatalogModels.Topic> topics() {
        return anonymous.get().uri("/api/catalog/topics").retrieve()
                .body(new ParameterizedTypeReference<java.util.List<CatalogModels.Topic>>() {});
    }

    /** The case if the caller may see it; empty for an unknown id and for one the caller may not see. */
    public Optional<CaseDetail> find(UUID id) {
        try {
            return Optional.ofNullable(client().get().uri("/api/catalog/cases/{id}", id).retrieve()
                    .body(CaseDetail.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))
                    || e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(403))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private RestClient client() {
        return Visitor.loggedIn() ? asUser : anonymous;
    }

    private static java.net.URI searchUri(UriBuilder b, SearchQuery query, int size) {
        b.path("/api/catalog/search");
        query.withPage(0).parameters().forEach((name, values) -> b.queryParam(name, values.toArray()));
        return b.queryParam("page", query.page()).queryParam("size", size).build();
    }
}
