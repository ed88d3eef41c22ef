package de.stadtretter.matching.recommendations.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.municipalities.domain.MunicipalityService;
import de.stadtretter.matching.municipalities.domain.TownProfile;
import de.stadtretter.matching.needs.domain.NeedRepository;
import de.stadtretter.matching.recommendations.index.RecommendationIndexes;
import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.matching.recommendations.language.Wording;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Answers a need with cases, partners, towns and other towns' needs, each with its reasons. The need is read once
 * ({@link NeedLanguage}); the cases are ranked first, since the partners' evidence and the towns build on them.
 */
public class Recommender {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;

    private final NeedLanguage language;
    private final MunicipalityService municipalities;
    private final CaseRecommender cases;
    private final PartnerRecommender partners;
    private final TownRecommender towns;
    private final NeedRecommender needs;

    public Recommender(RecommendationIndexes indexes, NeedLanguage language, Wording wording,
            MunicipalityService municipalities, NeedRepository needRepository, ReferenceData referenceData,
            MeterRegistry meters) {
        this.language = language;
        this.municipalities = municipalities;
        this.cases = new CaseRecommender(indexes.cases(), wording, referenceData);
        this.partners = new PartnerRecommender(indexes.partners(), indexes.cases(), wording, referenceData);
        this.towns = new TownRecommender(municipalities, referenceData);
        this.needs = new NeedRecommender(needRepository, wording, referenceData);
    }

    /** All four lists, {@code size} each; {@code member}: the caller may see the members' needs. */
    public Recommendations recommend(Recommendations.Request request, boolean member, int size) {
        NeedContext need = context(request);
        CaseRecommender.Ranking ranking = cases.rank(need);
        Map<UUID, CaseRecommender.Scored> byId = CaseRecommender.byId(ranking.ranked());
        List<PartnerRecommender.Scored> rankedPartners = partners.rank(need, byId);
        List<NeedRecommender.Scored> rankedNeeds = needs.rank(need, ranking.importance(), member);
        return new Recommendations(cases.items(need, ranking.ranked(), size),
                partners.items(need, rankedPartners, size),
                towns.recommend(need, ranking.ranked(), rankedNeeds, size),
                needs.items(need, rankedNeeds, size));
    }

    /** The cases and partners above {@code threshold} among the first {@code size} (for announcing matches). */
    public Matches matches(Recommendations.Request request, int size, double threshold) {
        NeedContext need = context(request);
        CaseRecommender.Ranking ranking = cases.rank(need);
        List<CaseRecommender.Scored> topCases = ranking.ranked().stream().limit(size)
                .filter(s -> s.score() >= threshold).toList();
        List<PartnerRecommender.Scored> topPartners = partners.rank(need, CaseRecommender.byId(ranking.ranked()))
                .stream().limit(size).filter(s -> s.score() >= threshold).toList();
        return new Matches(
                topCases.stream().map(s -> new Match(s.text().caseId(), s.text().title(), s.score(),
                        cases.reasons(need, s))).toList(),
                topPartners.stream().map(s -> new Match(s.partner().partnerId(), s.partner().name(), s.score(),
                        partners.reasons(need, s))).toList());
    }

    public record Match(UUID id, String title, double score, List<String> reasons) {}

    public record Matches(List<Match> cases, List<Match> partners) {}

    /** Only the cases (for the quality harness), best first, with their scores. */
    public List<Recommendations.CaseItem> cases(Recommendations.Request request, int size) {
        NeedContext need = context(request);
        return cases.items(need, cases.rank(need).ranked(), size);
    }

    /** Only the partners (for the quality harness), best first. */
    public List<Recommendations.PartnerItem> partners(Recommendations.Request request, int size) {
        NeedContext need = context(request);
        CaseRecommender.Ranking ranking = cases.rank(need);
        return partners.items(need, partners.rank(need, CaseRecommender.byId(ranking.ranked())), size);
    }

    private NeedContext context(Recommendations.Request request) {
        TownProfile town = municipalities.get(request.ags());
        return NeedContext.of(request, language.read(request.title(), request.description()), town);
    }
}
