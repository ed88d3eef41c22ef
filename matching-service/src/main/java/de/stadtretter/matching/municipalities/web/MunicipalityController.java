package de.stadtretter.matching.municipalities.web;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.IfMatch;
import de.stadtretter.kit.web.PreconditionFailedException;
import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.kit.web.validation.TopicIds;
import de.stadtretter.matching.cases.domain.CaseProfiles;
import de.stadtretter.matching.municipalities.domain.MunicipalityService;
import de.stadtretter.matching.municipalities.domain.SimilarTowns;
import de.stadtretter.matching.municipalities.domain.TownProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Municipality profiles and "towns like mine". */
@RestController
@RequestMapping("/api/matching/municipalities")
@Validated
public class MunicipalityController {

    private final MunicipalityService service;

    public MunicipalityController(MunicipalityService service) {
        this.service = service;
    }

    /** Body of {@code PUT /api/matching/municipalities/{ags}}: what the Kommune says about itself. */
    public record MunicipalityRequest(@Size(max = 6) @UniqueElements @TopicIds List<String> focusTopics,
            @MultilineText @Size(max = 2_000) String selfDescription, @PositiveOrZero Long version) {}

    /** A municipality: facts of the reference data, the Kommune's own words, its published cases. */
    public record MunicipalityResponse(String ags, String name, long population, double areaKm2,
            long populationPerKm2, String stateCode, String stateName, String districtAgs, String districtName,
            TownType townType, String setting, List<String> focusTopics, String selfDescription, int publishedCases,
            List<String> caseTopics, long version) {

        public record TownType(String code, String label) {}

        static MunicipalityResponse of(TownProfile t) {
            return new MunicipalityResponse(t.ags(), t.name(), t.population(), t.areaKm2(), Math.round(t.density()),
                    t.landCode(), t.landName(), t.districtAgs(), t.districtName(),
                    new TownType(t.townType().code(), t.townType().labelDe()), t.setting().name(), t.focusTopics(),
                    t.selfDescription(), t.publishedCases(), t.caseTopics(), t.noteVersion());
        }
    }

    public record SimilarResponse(String ags, List<SimilarItem> items) {}

    public record SimilarItem(String ags, String name, long population, String townType, String stateName,
            double score, List<String> reasons) {

        static SimilarItem of(SimilarTowns.Similar s) {
            TownProfile t = s.town();
            return new SimilarItem(t.ags(), t.name(), t.population(), t.townType().labelDe(), t.landName(), s.score(),
                    s.reasons());
        }
    }

    @GetMapping("/{ags}")
    public ResponseEntity<MunicipalityResponse> get(@PathVariable String ags) {
        TownProfile town = service.get(ags);
        return ResponseEntity.ok().eTag(IfMatch.etag(town.noteVersion())).body(MunicipalityResponse.of(town));
    }

    @PutMapping("/{ags}")
    public ResponseEntity<MunicipalityResponse> describe(@PathVariable String ags,
            @Valid @RequestBody MunicipalityRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        Long ifMatchVersion = IfMatch.version(ifMatch);
        if (ifMatchVersion != null && ifMatchVersion != service.get(ags).noteVersion()) {
            throw new PreconditionFailedException("The description of " + ags + " has changed; reload it.");
        }
        Long expected = ifMatchVersion != null ? ifMatchVersion : body.version();
        TownProfile town = service.describe(CurrentUser.from(auth), ags,
                body.focusTopics() == null ? List.of() : body.focusTopics(), body.selfDescription(), expected);
        return ResponseEntity.ok().eTag(IfMatch.etag(town.noteVersion())).body(MunicipalityResponse.of(town));
    }

    public record CasesResponse(String ags, List<CaseProfiles.TownCase> items) {}

    /** The municipality's published cases, newest first. */
    @GetMapping("/{ags}/cases")
    public CasesResponse cases(@PathVariable String ags,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new CasesResponse(ags, service.cases(ags, size));
    }

    @GetMapping("/{ags}/similar")
    public SimilarResponse similar(@PathVariable String ags,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
        return new SimilarResponse(ags, service.similar(ags, size).stream().map(SimilarItem::of).toList());
    }
}
