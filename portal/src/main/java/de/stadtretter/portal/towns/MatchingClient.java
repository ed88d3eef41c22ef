package de.stadtretter.portal.towns;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** matching-service as the portal's municipality pages need it: public reads, without a token. */
public class MatchingClient {

    private final RestClient anonymous;

    public MatchingClient(RestClient anonymous) {
        this.anonymous = anonymous;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Town(String ags, String name, long population, double areaKm2, long populationPerKm2,
            String stateCode, String stateName, String districtName, TownType townType, String setting,
            List<String> focusTopics, String selfDescription, int publishedCases) {

        public Town {
            focusTopics = focusTopics == null ? List.of() : focusTopics;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TownType(String code, String label) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Similar(String ags, List<SimilarTown> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SimilarTown(String ags, String name, long population, String townType, String stateName,
            double score, List<String> reasons) {}

    /** The municipality, or empty for a key that is none. */
    public Optional<Town> town(String ags) {
        try {
            return Optional.ofNullable(anonymous.get().uri("/api/matching/municipalities/{ags}", ags).retrieve()
                    .body(Town.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TownCases(String ags, List<TownCase> items) {
        public TownCases {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TownCase(String caseId, String title, List<String> topics, java.time.Instant publishedAt) {}

    /** The municipality's published cases, newest first. */
    public TownCases cases(String ags, int size) {
        return anonymous.get().uri(b -> b.path("/api/matching/municipalities/{ags}/cases")
                .queryParam("size", size).build(ags)).retrieve().body(TownCases.class);
    }

    public Similar similar(String ags, int size) {
        return anonymous.get().uri(b -> b.path("/api/matching/municipalities/{ags}/similar")
                .queryParam("size", size).build(ags)).retrieve().body(Similar.class);
    }
}
