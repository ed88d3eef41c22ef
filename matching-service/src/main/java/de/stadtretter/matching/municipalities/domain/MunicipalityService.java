package de.stadtretter.matching.municipalities.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.matching.cases.domain.CaseProfiles;
import de.stadtretter.matching.needs.domain.NeedRepository;

/**
 * Profiles of all German municipalities (the reference data with what each Kommune adds, has published and looks
 * for) and the towns most like a given one.
 */
@Service
public class MunicipalityService {

    private final ReferenceData referenceData;
    private final MunicipalityNotes notes;
    private final CaseProfiles cases;
    private final NeedRepository needs;
    private final Clock clock;

    public MunicipalityService(ReferenceData referenceData, MunicipalityNotes notes, CaseProfiles cases,
            NeedRepository needs, Clock clock) {
        this.referenceData = referenceData;
        this.notes = notes;
        this.cases = cases;
        this.needs = needs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TownProfile get(String ags) {
        ReferenceData.Municipality m = municipality(ags);
        return profile(m, notes.find(ags).orElse(null), cases.ofMunicipality(ags).orElse(null),
                needs.openTopicsOf(ags));
    }

    /** The municipality's published cases, newest first (404 for a key that is no municipality). */
    public List<CaseProfiles.TownCase> cases(String ags, int size) {
        municipality(ags);
        return cases.ofTown(ags, size);
    }

    /**
     * A municipality's structural profile from the reference data alone, with the published cases and need topics
     * the caller knows of (no database access: for ranking many candidate towns at once); empty for an unknown AGS.
     */
    public java.util.Optional<TownProfile> structural(String ags, int publishedCases, List<String> caseTopics,
            List<String> needTopics) {
        return structural(referenceData, ags, publishedCases, caseTopics, needTopics);
    }

    /** {@link #structural(String, int, List, List)} for any reference data (the quality harness has no database). */
    public static java.util.Optional<TownProfile> structural(ReferenceData referenceData, String ags,
            int publishedCases, List<String> caseTopics, List<String> needTopics) {
        return referenceData.municipality(ags).map(m -> profile(referenceData, m, null,
                new CaseProfiles.TownCases(publishedCases, caseTopics), needTopics));
    }

    /** A Kommune describes itself (its own AGS), or the Redaktion for it. */
    @Transactional
    public TownProfile describe(CurrentUser user, String ags, List<String> focusTopics, String selfDescription,
            Long expectedVersion) {
        ReferenceData.Municipality m = municipality(ags);
        boolean own = user.hasRole(CurrentUser.KOMMUNE) && user.belongsTo(ags);
        if (!own && !user.isEditor()) {
            throw new AccessDeniedException("only the Kommune itself and the Redaktion describe a municipality");
        }
        MunicipalityNotes.Note note = notes.save(ags, focusTopics, selfDescription, expectedVersion,
                user.username() == null ? user.subject() : user.username(), clock.instant());
        return profile(m, note, cases.ofMunicipality(ags).orElse(null), needs.openTopicsOf(ags));
    }

    /** The {@code size} towns most like {@code ags}, best first, with the reasons. */
    @Transactional(readOnly = true)
    public List<SimilarTowns.Similar> similar(String ags, int size) {
        ReferenceData.Municipality me = municipality(ags);
        Map<String, MunicipalityNotes.Note> allNotes = notes.all();
        Map<String, CaseProfiles.TownCases> allCases = cases.perMunicipality();
        Map<String, List<String>> allNeeds = needs.openTopicsPerMunicipality();
        List<TownProfile> towns = new ArrayList<>(referenceData.municipalityCount());
        for (ReferenceData.Municipality m : referenceData.municipalities()) {
            towns.add(profile(m, allNotes.get(m.ags()), allCases.get(m.ags()), allNeeds.get(m.ags())));
        }
        TownProfile mine = profile(me, allNotes.get(ags), allCases.get(ags), allNeeds.get(ags));
        return SimilarTowns.rank(mine, towns, size,
                id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id));
    }

    private ReferenceData.Municipality municipality(String ags) {
        return referenceData.municipality(ags).orElseThrow(() -> new NotFoundException("Municipality", ags));
    }

    private TownProfile profile(ReferenceData.Municipality m, MunicipalityNotes.Note note,
            CaseProfiles.TownCases published, List<String> needTopics) {
        return profile(referenceData, m, note, published, needTopics);
    }

    private static TownProfile profile(ReferenceData referenceData, ReferenceData.Municipality m,
            MunicipalityNotes.Note note,
            CaseProfiles.TownCases published, List<String> needTopics) {
        ReferenceData.District district = referenceData.district(m.ags()).orElse(null);
        String landCode = referenceData.land(m.ags()).map(ReferenceData.Land::code).orElse(null);
        double density = m.areaKm2() > 0 ? m.population() / m.areaKm2() : 0;
        return new TownProfile(m.ags(), m.name(), m.population(), m.areaKm2(), density, landCode, m.landName(),
                m.districtAgs(), m.districtName(), referenceData.townTypeFor(m.population()),
                SimilarTowns.setting(district, m), note == null ? List.of() : note.focusTopics(),
                note == null ? null : note.selfDescription(), note == null ? 0 : note.version(),
                published == null ? 0 : published.count(), published == null ? List.of() : published.topics(),
                needTopics == null ? List.of() : needTopics);
    }
}
