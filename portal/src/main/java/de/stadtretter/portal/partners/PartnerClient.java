package de.stadtretter.portal.partners;

import static de.stadtretter.portal.catalog.EditorialClient.call;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import de.stadtretter.portal.catalog.Visitor;
import de.stadtretter.portal.partners.PartnerModels.Directory;
import de.stadtretter.portal.partners.PartnerModels.OfferingWrite;
import de.stadtretter.portal.partners.PartnerModels.Partner;
import de.stadtretter.portal.partners.PartnerModels.PartnerList;
import de.stadtretter.portal.partners.PartnerModels.ProfileWrite;
import de.stadtretter.portal.partners.PartnerModels.Reference;

/**
 * partner-service as the portal's pages need it: the public directory and profiles (with the member's token when one
 * is logged in, so that the contact shows), the company's self-service, the towns' inbox and the Redaktion's queue.
 * partner-service decides who may do what; errors become page states as in
 * {@link de.stadtretter.portal.catalog.EditorialClient}.
 */
public class PartnerClient {

    private final RestClient anonymous;
    private final RestClient asUser;

    public PartnerClient(RestClient anonymous, RestClient asUser) {
        this.anonymous = anonymous;
        this.asUser = asUser;
    }

    /** The directory; {@code params} are the query parameters of {@code GET /api/partners/search}. */
    public Directory search(Map<String, String> params) {
        return anonymous.get().uri(b -> {
            b.path("/api/partners/search");
            params.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    b.queryParam(k, v);
                }
            });
            return b.build();
        }).retrieve().body(Directory.class);
    }

    /** The profile if the caller may see it. */
    public Optional<Partner> find(UUID id) {
        try {
            return Optional.ofNullable((Visitor.loggedIn() ? asUser : anonymous).get().uri("/api/partners/{id}", id)
                    .retrieve().body(Partner.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))
                    || e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(403))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Partner create(ProfileWrite body) {
        return call(() -> asUser.post().uri("/api/partners").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Partner.class));
    }

    public Partner edit(UUID id, ProfileWrite body) {
        return call(() -> asUser.put().uri("/api/partners/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Partner.class));
    }

    public void addOffering(UUID id, OfferingWrite body) {
        call(() -> asUser.post().uri("/api/partners/{id}/offerings", id).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toBodilessEntity());
    }

    public void deleteOffering(UUID id, UUID offeringId) {
        call(() -> asUser.delete().uri("/api/partners/{id}/offerings/{o}", id, offeringId).retrieve()
                .toBodilessEntity());
    }

    /** All references of the company (for itself); the confirmed ones for others. */
    public List<Reference> references(UUID id) {
        return call(() -> asUser.get().uri("/api/partners/{id}/references", id).retrieve()
                .body(new ParameterizedTypeReference<List<Reference>>() {}));
    }

    public Reference claim(UUID id, UUID caseId, String role) {
        return call(() -> asUser.post().uri("/api/partners/{id}/references", id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("caseId", caseId, "role", role)).retrieve()
                .body(Reference.class));
    }

    public void withdraw(UUID id, UUID referenceId) {
        call(() -> asUser.delete().uri("/api/partners/{id}/references/{r}", id, referenceId).retrieve()
                .toBodilessEntity());
    }

    /** The claims on the member's own cases (a Kommune) that wait for a decision. */
    public List<Reference> inbox(String status) {
        return call(() -> asUser.get().uri(b -> b.path("/api/partners/references").queryParam("status", status)
                .build()).retrieve().body(new ParameterizedTypeReference<List<Reference>>() {}));
    }

    /** {@code confirm} or {@code decline}. */
    public Reference decide(UUID referenceId, String decision) {
        return call(() -> asUser.post().uri("/api/partners/references/{r}/" + decision, referenceId).retrieve()
                .body(Reference.class));
    }

    /** Profiles of one status for the Redaktion, oldest first. */
    public PartnerList queue(String status, int page, int size) {
        return call(() -> asUser.get().uri(b -> b.path("/api/partners").queryParam("status", status)
                .queryParam("page", page).queryParam("size", size).build()).retrieve().body(PartnerList.class));
    }

    /** {@code verify} or {@code reject} (with a comment), for the version the Redaktion saw. */
    public void review(UUID id, String decision, long version, String comment) {
        call(() -> {
            RestClient.RequestBodySpec request = asUser.post().uri("/api/partners/{id}/" + decision, id)
                    .header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
            if (comment != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(Map.of("comment", comment));
            }
            return request.retrieve().toBodilessEntity();
        });
    }

    /** Sends a contact request; {@link TooMany} when a daily limit is reached. */
    public void contact(UUID id, String subject, String message) {
        try {
            call(() -> asUser.post().uri("/api/partners/{id}/contact", id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("subject", subject, "message", message, "consent", true)).retrieve()
                    .toBodilessEntity());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 429) {
                throw new TooMany();
            }
            throw e;
        }
    }

    /** A daily limit of contact requests is reached. */
    public static final class TooMany extends RuntimeException {
        public TooMany() {
            super(null, null, false, false);
        }
    }
}
