package de.stadtretter.portal.needs;

import static de.stadtretter.portal.catalog.EditorialClient.call;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import de.stadtretter.portal.catalog.Visitor;
import de.stadtretter.portal.needs.NeedModels.Need;
import de.stadtretter.portal.needs.NeedModels.NeedList;
import de.stadtretter.portal.needs.NeedModels.NeedWrite;
import de.stadtretter.portal.needs.NeedModels.Recommendations;

/**
 * Needs and their recommendations (matching-service) and the member's watch of a need (notification-service), with
 * the logged-in member's token where there is one. The services decide who may see and do what; their answers become
 * page states as in {@link de.stadtretter.portal.catalog.EditorialClient}.
 */
public class NeedClient {

    private final RestClient anonymous;
    private final RestClient asUser;
    private final RestClient notificationAsUser;

    public NeedClient(RestClient anonymous, RestClient asUser, RestClient notificationAsUser) {
        this.anonymous = anonymous;
        this.asUser = asUser;
        this.notificationAsUser = notificationAsUser;
    }

    private RestClient reader() {
        return Visitor.loggedIn() ? asUser : anonymous;
    }

    /** Recommendations for a need not yet saved. */
    public Recommendations tryOut(NeedWrite body, int size) {
        return call(() -> asUser.post().uri(b -> b.path("/api/matching/recommendations").queryParam("size", size)
                .build()).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Recommendations.class));
    }

    public Need create(NeedWrite body) {
        return call(() -> asUser.post().uri("/api/matching/needs").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Need.class));
    }

    /** The need if the visitor may see it. */
    public Optional<Need> find(UUID id) {
        try {
            return Optional.ofNullable(reader().get().uri("/api/matching/needs/{id}", id).retrieve()
                    .body(Need.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Recommendations recommendations(UUID id, int size) {
        return call(() -> reader().get().uri(b -> b.path("/api/matching/needs/{id}/recommendations")
                .queryParam("size", size).build(id)).retrieve().body(Recommendations.class));
    }

    /** A municipality's needs as the visitor may see them ({@code status} null: all), newest first. */
    public NeedList ofTown(String ags, String status) {
        return call(() -> reader().get().uri(b -> {
            b.path("/api/matching/needs").queryParam("ags", ags);
            if (status != null) {
                b.queryParam("status", status);
            }
            return b.build();
        }).retrieve().body(NeedList.class));
    }

    public Need close(UUID id) {
        return call(() -> asUser.post().uri("/api/matching/needs/{id}/close", id).retrieve().body(Need.class));
    }

    /** Mails to the member when a new case or partner matches the need. */
    public void watch(UUID id) {
        call(() -> notificationAsUser.put().uri("/api/notifications/need-watches/{id}", id).retrieve()
                .toBodilessEntity());
    }

    public void unwatch(UUID id) {
        call(() -> notificationAsUser.delete().uri("/api/notifications/need-watches/{id}", id).retrieve()
                .toBodilessEntity());
    }

    public boolean watching(UUID id) {
        try {
            notificationAsUser.get().uri("/api/notifications/need-watches/{id}", id).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
                return false;
            }
            throw e;
        }
    }
}
