package de.stadtretter.matching.recommendations.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.needs.domain.Need;
import de.stadtretter.matching.needs.domain.NeedRepository;
import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.matching.recommendations.language.Wording;

/**
 * Other towns' open needs on the same thing: 0.6 × the share of this need's concepts (weighted as for the cases)
 * that the other need's words hold + 0.4 × topic fit. Needs of the same town and private needs are left out.
 */
final class NeedRecommender {

    static final int MAX_OPEN = 5_000;
    static final double MIN_SCORE = 0.2;

    private final NeedRepository needs;
    private final Wording wording;
    private final ReferenceData referenceData;
    /** The stems of each open need's text, by id and version. */
    private final Map<UUID, Read> read = new ConcurrentHashMap<>();

    private record Read(long version, Set<String> stems) {}

    record Scored(Need need, double score, List<Integer> concepts) {}

    NeedRecommender(NeedRepository needs, Wording wording, ReferenceData referenceData) {
        this.needs = needs;
        this.wording = wording;
        this.referenceData = referenceData;
    }

    List<Scored> rank(NeedContext need, double[] importance, boolean member) {
        List<NeedLanguage.Concept> concepts = need.reading().concepts();
        double total = 0;
        for (double w : importance) {
            total += w;
        }
        List<Scored> scored = new ArrayList<>();
        for (Need other : needs.openShared(member, MAX_OPEN)) {
            if (other.ags().equals(need.request().ags()) || other.id().equals(need.request().needId())) {
                continue;
            }
            Read r = read.compute(other.id(), (id, known) -> known != null && known.version() == other.version()
                    ? known : new Read(other.version(), wording.stems(other.title() + "\n" + other.description())));
            double covered = 0;
            List<Integer> matched = new ArrayList<>();
            for (int c = 0; c < concepts.size(); c++) {
                if (concepts.get(c).terms().keySet().stream().anyMatch(r.stems()::contains)) {
                    covered += importance[c];
                    matched.add(c);
                }
            }
            double coverage = total == 0 ? 0 : covered / total;
            double score = need.blend(coverage, need.topicFit(other.topics()), 0.4);
            if (score >= MIN_SCORE) {
                scored.add(new Scored(other, score, matched));
            }
        }
        if (read.size() > 2 * MAX_OPEN) {
            read.clear();
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.need().id()));
        return scored;
    }

    List<Recommendations.NeedItem> items(NeedContext need, List<Scored> ranked, int size) {
        List<NeedLanguage.Concept> concepts = need.reading().concepts();
        List<Recommendations.NeedItem> items = new ArrayList<>();
        for (Scored s : ranked.subList(0, Math.min(size, ranked.size()))) {
            List<String> reasons = new ArrayList<>();
            List<String> quotes = s.concepts().stream()
                    .sorted(Comparator.comparingDouble(c -> -concepts.get(c).weight()))
                    .limit(3).map(c -> "„" + concepts.get(c).quote() + "“").toList();
            if (!quotes.isEmpty()) {
                reasons.add("spricht auch von " + String.join(", ", quotes));
            }
            need.topics().keySet().stream().filter(s.need().topics()::contains).findFirst()
                    .ifPresent(t -> reasons.add("gleiches Thema: "
                            + referenceData.topic(t).map(ReferenceData.Topic::labelDe).orElse(t)));
            String name = referenceData.municipality(s.need().ags()).map(ReferenceData.Municipality::name)
                    .orElse(s.need().ags());
            items.add(new Recommendations.NeedItem(s.need().id(), s.need().title(),
                    new Recommendations.Town(s.need().ags(), name), Recommendations.round(s.score()), reasons));
        }
        return items;
    }
}
