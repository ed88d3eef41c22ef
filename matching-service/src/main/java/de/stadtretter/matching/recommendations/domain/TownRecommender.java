package de.stadtretter.matching.recommendations.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.municipalities.domain.MunicipalityService;
import de.stadtretter.matching.municipalities.domain.SimilarTowns;
import de.stadtretter.matching.municipalities.domain.TownProfile;

/**
 * Towns to talk to about a need: those whose published cases or open needs answer it, ranked by
 * 0.5 × how well their best case or need fits + 0.5 × how like the need's town they are ("towns like mine").
 */
final class TownRecommender {

    private final MunicipalityService municipalities;
    private final ReferenceData referenceData;

    TownRecommender(MunicipalityService municipalities, ReferenceData referenceData) {
        this.municipalities = municipalities;
        this.referenceData = referenceData;
    }

    private record Evidence(List<CaseRecommender.Scored> cases, List<NeedRecommender.Scored> needs) {
        double best() {
            double b = 0;
            for (CaseRecommender.Scored c : cases) {
                b = Math.max(b, c.relevance());
            }
            for (NeedRecommender.Scored n : needs) {
                b = Math.max(b, n.score());
            }
            return b;
        }
    }

    List<Recommendations.TownItem> recommend(NeedContext need, List<CaseRecommender.Scored> cases,
            List<NeedRecommender.Scored> needs, int size) {
        Map<String, Evidence> towns = new LinkedHashMap<>();
        for (CaseRecommender.Scored c : cases.subList(0, Math.min(40, cases.size()))) {
            if (c.relevance() >= 0.2) {
                towns.computeIfAbsent(c.text().ags(), k -> new Evidence(new ArrayList<>(), new ArrayList<>()))
                        .cases().add(c);
            }
        }
        for (NeedRecommender.Scored n : needs) {
            towns.computeIfAbsent(n.need().ags(), k -> new Evidence(new ArrayList<>(), new ArrayList<>()))
                    .needs().add(n);
        }
        towns.remove(need.request().ags());
        TownProfile me = need.town();
        record Ranked(TownProfile town, double score, Evidence evidence) {}
        List<Ranked> ranked = new ArrayList<>();
        for (Map.Entry<String, Evidence> e : towns.entrySet()) {
            Evidence ev = e.getValue();
            Set<String> caseTopics = new LinkedHashSet<>();
            ev.cases().forEach(c -> caseTopics.addAll(c.text().topics()));
            Set<String> needTopics = new LinkedHashSet<>();
            ev.needs().forEach(n -> needTopics.addAll(n.need().topics()));
            Optional<TownProfile> other = municipalities.structural(e.getKey(), ev.cases().size(),
                    List.copyOf(caseTopics), List.copyOf(needTopics));
            if (other.isEmpty()) {
                continue;
            }
            double similarity = me == null ? 0.5 : SimilarTowns.score(me, other.get(), me.topics());
            ranked.add(new Ranked(other.get(), 0.5 * ev.best() + 0.5 * similarity, ev));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.town().ags()));
        List<Recommendations.TownItem> items = new ArrayList<>();
        for (Ranked r : ranked.subList(0, Math.min(size, ranked.size()))) {
            List<String> reasons = new ArrayList<>();
            r.evidence().needs().stream().findFirst()
                    .ifPresent(n -> reasons.add("sucht ebenfalls: „" + n.need().title() + "“"));
            r.evidence().cases().stream().findFirst()
                    .ifPresent(c -> reasons.add("hat „" + c.text().title() + "“ umgesetzt"));
            if (me != null) {
                List<String> like = SimilarTowns.reasons(me, r.town(), List.of(),
                        id -> referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id));
                like.stream().filter(s -> !s.startsWith("hat ")).limit(2).forEach(reasons::add);
            }
            items.add(new Recommendations.TownItem(r.town().ags(), r.town().name(), Recommendations.round(r.score()),
                    reasons));
        }
        return items;
    }
}
