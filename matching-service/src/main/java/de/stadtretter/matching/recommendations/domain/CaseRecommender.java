package de.stadtretter.matching.recommendations.domain;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.municipalities.domain.SimilarTowns;
import de.stadtretter.matching.recommendations.index.ConceptSearch;
import de.stadtretter.matching.recommendations.index.RecommendationIndexes;
import de.stadtretter.matching.recommendations.language.NeedLanguage;
import de.stadtretter.matching.recommendations.language.Wording;
import de.stadtretter.search.german.SlotIndex;

/**
 * Ranks published cases for a need. Lexical fit = half the BM25 score (relative to the best candidate), half the
 * coverage (the share of the need's concepts, weighted by their rarity, that the case holds in any section); topic
 * fit = the share of the need's topics the case has; for a question about what to avoid, the lessons count as a
 * third part. The relevance is then scaled by the structural fit (size and town type of the two towns): a case that
 * answers the need AND comes from a town of its size wins; one that only shares words does not. The Land plays no
 * part: transfer across Länder is the point.
 */
public final class CaseRecommender {

    static final int CANDIDATES = 300;
    static final float TOPIC_BOOST = 1.0f;
    static final double LESSONS_LENGTH = 250;
    /** The topics' part of the relevance when the Kommune chose them (less when inferred). */
    static final double TOPIC_SHARE = 0.35;
    /**
     * For a question about what to avoid, how much the lessons scale the relevance: strong lessons lift a case that
     * fits, they do not make one fit.
     */
    static final double LESSONS_SHARE = 0.30;

    private final SlotIndex<CaseText> index;
    private final Wording wording;
    private final ReferenceData referenceData;

    CaseRecommender(SlotIndex<CaseText> index, Wording wording, ReferenceData referenceData) {
        this.index = index;
        this.wording = wording;
        this.referenceData = referenceData;
    }

    /** A case with its parts of the score (all 0..1). */
    record Scored(CaseText text, double score, double relevance, double lexical, double coverage, double topic,
            double structural, BitSet concepts, BitSet inLessons) {}

    /** The ranked cases and the importance of each of the need's concepts (weight × rarity among the cases). */
    record Ranking(List<Scored> ranked, double[] importance) {}

    /** The candidates ranked, best first (the need's own town's cases left out). */
    Ranking rank(NeedContext need) {
        ConceptSearch.Found<CaseText> found = ConceptSearch.search(index, RecommendationIndexes.CASE_FIELDS,
                need.reading(), need.topics(), TOPIC_BOOST, CANDIDATES,
                c -> !c.ags().equals(need.request().ags()), RecommendationIndexes.C_LESSONS);
        double best = found.hits().isEmpty() ? 1 : found.hits().getFirst().score();
        double total = 0;
        for (double w : found.importance()) {
            total += w;
        }
        List<Scored> scored = new ArrayList<>(found.hits().size());
        for (ConceptSearch.Hit<CaseText> hit : found.hits()) {
            double coverage = total == 0 ? 0 : share(hit.concepts(), found.importance()) / total;
            double lexical = 0.5 * hit.score() / best + 0.5 * coverage;
            double topic = need.topicFit(hit.item().topics());
            double relevance = need.blend(lexical, topic, TOPIC_SHARE);
            if (need.reading().asksForLessons()) {
                relevance *= 1 - LESSONS_SHARE + LESSONS_SHARE * lessonsFit(hit.item(), hit.inField());
            }
            double structural = structural(need, hit.item());
            double score = relevance * (0.75 + 0.25 * structural);
            scored.add(new Scored(hit.item(), score, relevance, lexical, coverage, topic, structural, hit.concepts(),
                    hit.inField()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.text().caseId().toString()));
        return new Ranking(scored, found.importance());
    }

    static double share(BitSet concepts, double[] importance) {
        double sum = 0;
        for (int c = concepts.nextSetBit(0); c >= 0; c = concepts.nextSetBit(c + 1)) {
            sum += importance[c];
        }
        return sum;
    }

    static double lessonsFit(CaseText c, BitSet inLessons) {
        String lessons = c.section(CaseText.Section.LESSONS);
        double length = Math.min(1, lessons.length() / LESSONS_LENGTH);
        return 0.5 * length + 0.5 * (inLessons.isEmpty() ? 0 : 1);
    }

    /** 0.7 × closeness of the populations (1 equal, 0 from a factor 4) + 0.3 × same town type (0.5 same class). */
    static double structural(NeedContext need, CaseText c) {
        if (need.town() == null || c.population() == null) {
            return 0.5;
        }
        double size = Math.max(0, 1 - Math.abs(Math.log((double) need.town().population() / Math.max(1,
                c.population()))) / Math.log(4));
        String mine = need.town().townType().code();
        String theirs = c.townType();
        double type = theirs == null ? 0.5 : mine.equals(theirs) ? 1 : mine.charAt(0) == theirs.charAt(0) ? 0.5 : 0;
        return 0.7 * size + 0.3 * type;
    }

    /** The top {@code size} as answered, with their reasons. */
    List<Recommendations.CaseItem> items(NeedContext need, List<Scored> ranked, int size) {
        List<Recommendations.CaseItem> items = new ArrayList<>();
        for (Scored s : ranked.subList(0, Math.min(size, ranked.size()))) {
            CaseText c = s.text();
            items.add(new Recommendations.CaseItem(c.caseId(), c.title(),
                    new Recommendations.Town(c.ags(), c.municipalityName()), Recommendations.round(s.score()),
                    reasons(need, s)));
        }
        return items;
    }

    List<String> reasons(NeedContext need, Scored s) {
        List<String> reasons = new ArrayList<>();
        List<NeedLanguage.Concept> concepts = need.reading().concepts();
        CaseText c = s.text();
        // which of the need's words stand where in the case, and what the case calls them
        Map<Integer, List<String>> sectionsOf = new LinkedHashMap<>();
        Map<Integer, Wording.Match> firstMatch = new LinkedHashMap<>();
        for (CaseText.Section section : CaseText.Section.values()) {
            wording.find(c.section(section), concepts).forEach((concept, match) -> {
                List<String> where = sectionsOf.computeIfAbsent(concept, k -> new ArrayList<>());
                if (where.size() < 2) {
                    where.add(section.labelDe());
                }
                Wording.Match known = firstMatch.get(concept);
                if (known == null || match.own() && !known.own()) {
                    firstMatch.put(concept, match);
                }
            });
        }
        List<Integer> order = new ArrayList<>(firstMatch.keySet());
        order.sort(Comparator.comparingDouble((Integer i) -> -concepts.get(i).weight()
                * (concepts.get(i).paraphrase() ? 1.2 : 1.0)));
        List<String> same = new ArrayList<>();
        int paraphrases = 0;
        for (int i : order) {
            NeedLanguage.Concept concept = concepts.get(i);
            Wording.Match match = firstMatch.get(i);
            String where = String.join(" und ", sectionsOf.get(i));
            if (match.own() && !concept.paraphrase()) {
                if (same.size() < 3) {
                    same.add("„" + match.word() + "“ (" + where + ")");
                }
            } else if (paraphrases < 2 && !concept.quote().equalsIgnoreCase(match.word())) {
                reasons.add("Ihr „" + concept.quote() + "“ heißt hier „" + match.word() + "“ (" + where + ")");
                paraphrases++;
            }
        }
        if (!same.isEmpty()) {
            reasons.add(0, "Ihre Worte im Praxisbeispiel: " + String.join(", ", same));
        }
        for (String topic : need.topics().keySet()) {
            if (c.topics().contains(topic)) {
                reasons.add("gleiches Thema: " + topicLabel(topic));
                break;
            }
        }
        if (need.reading().asksForLessons() && !c.section(CaseText.Section.LESSONS).isBlank()) {
            reasons.add("Lernerfahrungen: „" + firstSentence(c.section(CaseText.Section.LESSONS)) + "“");
        } else if (!s.inLessons().isEmpty()) {
            int concept = s.inLessons().nextSetBit(0);
            reasons.add("Lernerfahrungen zu „" + concepts.get(concept).quote() + "“");
        }
        if (need.town() != null && c.population() != null) {
            double size = Math.max(0, 1 - Math.abs(Math.log((double) need.town().population()
                    / Math.max(1, c.population()))) / Math.log(4));
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.GERMANY);
            if (size >= 0.6) {
                reasons.add("vergleichbare Größe: " + n.format(rounded(c.population())) + " Einwohner (Sie: "
                        + n.format(rounded(need.town().population())) + ")");
            } else if (need.town().townType().code().equals(c.townType())) {
                reasons.add("ebenfalls " + SimilarTowns.withArticle(need.town().townType()));
            }
        }
        return reasons;
    }

    private String topicLabel(String topic) {
        return referenceData.topic(topic).map(ReferenceData.Topic::labelDe).orElse(topic);
    }

    static String firstSentence(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        int end = -1;
        for (int i = 20; i < t.length(); i++) {
            char ch = t.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?' || ch == ';') && (i + 1 == t.length() || t.charAt(i + 1) == ' ')) {
                end = i + 1;
                break;
            }
        }
        String sentence = end > 0 ? t.substring(0, end) : t;
        return sentence.length() <= 160 ? sentence : sentence.substring(0, sentence.lastIndexOf(' ', 157)) + " …";
    }

    static long rounded(long population) {
        long unit = population < 10_000 ? 100 : 1_000;
        return Math.round((double) population / unit) * unit;
    }

    /** The relevance of each ranked case by id (for the partners' evidence and the towns). */
    static Map<UUID, Scored> byId(List<Scored> ranked) {
        Map<UUID, Scored> out = new LinkedHashMap<>();
        ranked.forEach(s -> out.put(s.text().caseId(), s));
        return out;
    }
}
