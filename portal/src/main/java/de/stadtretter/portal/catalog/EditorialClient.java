package de.stadtretter.portal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.CaseList;
import de.stadtretter.portal.catalog.CatalogModels.CaseWrite;
import de.stadtretter.portal.catalog.CatalogModels.Helpful;
import de.stadtretter.portal.catalog.CatalogModels.HistoryEntry;
import de.stadtretter.portal.catalog.CatalogModels.Revision;

/**
 * The writing side of catalog-service, always with the logged-in member's token: a Kommune's own cases and their
 * revisions, the Redaktion's queue and decisions, "hilfreich". catalog-service decides who may do what; the portal
 * turns its answers into page states: 400 with field errors into {@link Rejected}, 409 and 412 (someone else changed
 * the case) into {@link Conflict}, 403 and 404 into a 404 page (nobody learns that another Kommune's draft exists).
 */
public class EditorialClient {

    private final RestClient asUser;

    public EditorialClient(RestClient asUser) {
        this.asUser = asUser;
    }

    /** The cases of the member's own organisation, in every status but archived, newest first. */
    public CaseList mine(int page, int size) {
        return call(() -> asUser.get().uri(b -> b.path("/api/catalog/cases").queryParam("mine", true)
                .queryParam("page", page).queryParam("size", size).build()).retrieve().body(CaseList.class));
    }

    /** The Redaktion's queue: submitted cases and submitted revisions, oldest first. */
    public CaseList queue(int page, int size) {
        return call(() -> asUser.get().uri(b -> b.path("/api/catalog/cases").queryParam("status", "SUBMITTED")
                .queryParam("page", page).queryParam("size", size).build()).retrieve().body(CaseList.class));
    }

    public CaseDetail get(UUID id) {
        return call(() -> asUser.get().uri("/api/catalog/cases/{id}", id).retrieve().body(CaseDetail.class));
    }

    public Revision revision(UUID id) {
        return call(() -> asUser.get().uri("/api/catalog/cases/{id}/revision", id).retrieve().body(Revision.class));
    }

    public List<HistoryEntry> history(UUID id) {
        return call(() -> asUser.get().uri("/api/catalog/cases/{id}/history", id).retrieve()
                .body(new ParameterizedTypeReference<List<HistoryEntry>>() {}));
    }

    public CaseDetail create(CaseWrite body) {
        return call(() -> asUser.post().uri("/api/catalog/cases").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(CaseDetail.class));
    }

    public CaseDetail edit(UUID id, CaseWrite body) {
        return call(() -> asUser.put().uri("/api/catalog/cases/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(CaseDetail.class));
    }

    public Revision saveRevision(UUID id, CaseWrite body) {
        return call(() -> asUser.put().uri("/api/catalog/cases/{id}/revision", id)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Revision.class));
    }

    /**
     * A workflow step of the case ({@code submit}, {@code publish}, {@code request-changes}, {@code archive}) or of
     * its revision ({@code revision/submit}, ...), for the version the member saw.
     */
    public void step(UUID id, String step, long version, String comment) {
        call(() -> {
            RestClient.RequestBodySpec request = asUser.post().uri("/api/catalog/cases/{id}/" + step, id)
                    .header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
            if (comment != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(Map.of("comment", comment));
            }
            return request.retrieve().toBodilessEntity();
        });
    }

    public Helpful helpful(UUID id) {
        return call(() -> asUser.get().uri("/api/catalog/cases/{id}/helpful", id).retrieve().body(Helpful.class));
    }

    public Helpful markHelpful(UUID id, boolean helpful) {
        return call(() -> (helpful ? asUser.put() : asUser.delete()).uri("/api/catalog/cases/{id}/helpful", id)
                .retrieve().body(Helpful.class));
    }

    /** Runs a call to a service as a member and turns its error answers into the page states described above. */
    public static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientErrorException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.value() == 404 || status.value() == 403) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            if (status.value() == 409 || status.value() == 412) {
                throw new Conflict();
            }
            if (status.value() == 400) {
                throw new Rejected(fieldErrors(e));
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(HttpClientErrorException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Map<String, Object> problem = e.getResponseBodyAs(Map.class);
            if (problem != null && problem.get("errors") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> error && error.get("field") instanceof String field) {
                        errors.putIfAbsent(field, String.valueOf(error.get("message")));
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // no field list: the page shows a general message
        }
        return errors;
    }

    /** catalog-service did not accept what was entered; the fields it named (API names such as {@code links[0].url}). */
    public static final class Rejected extends RuntimeException {

        private final transient Map<String, String> fields;

        Rejected(Map<String, String> fields) {
            super("the service rejected the fields " + fields.keySet(), null, false, false);
            this.fields = Map.copyOf(fields);
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /** The case was changed by someone else (or moved on in the workflow) since the member loaded it. */
    public static final class Conflict extends RuntimeException {

        public Conflict() {
            super("the case was changed in the meantime", null, false, false);
        }
    }
}
