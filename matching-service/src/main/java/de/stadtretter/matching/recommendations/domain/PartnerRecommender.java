package de.stadtretter.matching.recommendations.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.partners.domain.PartnerText;
import de.stadtretter.matching.recommendations.index.ConceptSearch;
import de.stadtretter.matching.recommendations.index.RecommendationIndexes;
import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.matching.recommendations.language.Wording;
import de.stadtretter.search.german.SlotIndex;

/**
 * Ranks verified partners for a need by what they offer, what they have shown and where they work:
 * 0.45 × offering fit (BM25 and coverage over offerings, description, name and the titles of their confirmed
 * cases) + 0.25 × topic fit + 0.30 × evidence (how many confirmed references on the need's topics, and how well the
 * best of those cases answers this very need); × 0.7 for a partner that does not work in the need's Land.
 */
public final class PartnerRecommender {

    static final int CANDIDATES = 200;
    static final double ELSEWHERE = 0.7;

    private final SlotIndex<PartnerText> index;
    private final SlotIndex<CaseText> cases;
    private final Wording wording;
    private final ReferenceData referenceData;

    PartnerRecommender(SlotIndex<PartnerText> index, SlotIndex<CaseText> cases, Wording wording,
            ReferenceData referenceData) {
        this.index = index;
        this.cases = cases;
        this.wording = wording;
        this.referenceData = referenceData;
    }

    record Scored(PartnerText partner, double score, int onTopic, CaseRecommender.Scored bestCase, boolean serves) {}

    List<Scored> rank(NeedContext need, Map<UUID, CaseRecommender.Scored> caseScores) {
        ConceptSearch.Found<PartnerText> found = ConceptSearch.search(index, RecommendationIndexes.PARTNER_FIELDS,
                need.reading(), need.topics(), 1.0f, CANDIDATES, p -> true, null);
        double best = found.hits().isEmpty() ? 1 : found.hits().getFirst().score();
        double total = 0;
        for (double w : found.importance()) {
            total += w;
        }
        String land = need.town() == null ? null : need.town().landCode();
        List<Scored> scored = new ArrayList<>();
        for (ConceptSearch.Hit<PartnerText> hit : found.hits()) {
            PartnerText p = hit.item();
            double coverage = total == 0 ? 0 : CaseRecommender.share(hit.concepts(), found.importance()) / total;
            double offering = 0.5 * hit.score() / best + 0.5 * coverage;
            double topic = need.topicFit(p.topics());
            int onTopic = 0;
            CaseRecommender.Scored bestCase = null;
            for (UUID caseId : p.confirmedCases()) {
                CaseText c = cases.get(caseId);
                if (c != null && need.topics().keySet().stream().anyMatch(c.topics()::contains)) {
                    onTopic++;
                }
                CaseRecommender.Scored s = caseScores.get(caseId);
                if (s != null && (bestCase == null || s.relevance() > bestCase.relevance())) {
                    bestCase = s;
                }
            }
            double evidence = 0.5 * Math.min(1, Math.log1p(onTopic) / Math.log(4))
                    + 0.5 * (bestCase == null ? 0 : bestCase.relevance());
            boolean serves = p.serves(land);
            double relevance = 0.70 * need.blend(offering, topic, 0.35) + 0.30 * evidence;
            scored.add(new Scored(p, relevance * (serves ? 1 : ELSEWHERE), onTopic, bestCase, serves));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.partner().partnerId().toString()));
        return scored;
    }

    List<Recommendations.PartnerItem> items(NeedContext need, List<Scored> ranked, int size) {
        List<Recommendations.PartnerItem> items = new ArrayList<>();
        for (Scored s : ranked.subList(0, Math.min(size, ranked.size()))) {
            items.add(new Recommendations.PartnerItem(s.partner().partnerId(), s.partner().name(),
                    Recommendations.round(s.score()), reasons(need, s)));
        }
        return items;
    }

    List<String> reasons(NeedContext need, Scored s) {
        List<String> reasons = new ArrayList<>();
        List<NeedLanguage.Concept> concepts = need.reading().concepts();
        PartnerText p = s.partner();
        PartnerText.Offering bestOffering = null;
        Map<Integer, Wording.Match> bestWords = Map.of();
        for (PartnerText.Offering o : p.offerings()) {
            Map<Integer, Wording.Match> words = wording.find(o.title() + "\n" + o.description(), concepts);
            if (words.size() > bestWords.size()) {
                bestOffering = o;
                bestWords = words;
            }
        }
        if (bestOffering == null) {
            bestOffering = p.offerings().stream()
                    .filter(o -> need.topics().keySet().stream().anyMatch(o.topics()::contains)).findFirst()
                    .orElse(null);
        }
        if (bestOffering != null) {
            StringBuilder r = new StringBuilder("bietet „" + bestOffering.title() + "“ an");
            List<String> quoted = bestWords.entrySet().stream().limit(2)
                    .map(e -> "„" + concepts.get(e.getKey()).quote() + "“").toList();
            if (!quoted.isEmpty()) {
                r.append(" – passend zu Ihrem ").append(String.join(" und ", quoted));
            }
            reasons.add(r.toString());
        }
        String topic = need.topics().keySet().stream().filter(p.topics()::contains).findFirst().orElse(null);
        if (s.onTopic() > 0 && topic != null) {
            reasons.add((s.onTopic() == 1 ? "1 bestätigte Referenz" : s.onTopic() + " bestätigte Referenzen")
                    + " zu „" + referenceData.topic(topic).map(ReferenceData.Topic::labelDe).orElse(topic) + "“");
        } else if (topic != null) {
            reasons.add("arbeitet zu „" + referenceData.topic(topic).map(ReferenceData.Topic::labelDe).orElse(topic)
                    + "“");
        }
        if (s.bestCase() != null && s.bestCase().relevance() >= 0.3) {
            CaseText c = s.bestCase().text();
            reasons.add("hat an „" + c.title() + "“ mitgewirkt (" + c.municipalityName() + ")");
        }
        String land = need.town() == null ? null : need.town().landCode();
        String landName = land == null ? null
                : referenceData.landByCode(land).map(ReferenceData.Land::name).orElse(land);
        if (p.regions().contains(PartnerText.NATIONWIDE)) {
            reasons.add("bundesweit tätig");
        } else if (s.serves()) {
            reasons.add("in " + landName + " tätig");
        } else if (landName != null) {
            reasons.add("bisher nicht in " + landName + " tätig");
        }
        return reasons;
    }
}
