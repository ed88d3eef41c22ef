package de.stadtretter.partner.directory.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import de.stadtretter.partner.directory.index.DirectoryEntry;
import de.stadtretter.partner.directory.index.DirectoryEntry.Evidence;

/**
 * How much a partner's confirmed references say, and how the directory's score is made of relevance and evidence:
 * <pre>
 *   weight(reference) = recency × topic,  recency = 0.5 ^ (age in years / 2)  (age of the case's publication),
 *                                         topic   = 2 if the case is on the queried topic, else 1
 *   evidence          = Σ weight(reference)
 *   score             = relevance × (1 + 0.5 × ln(1 + evidence)),  relevance ∈ (0, 1]
 * </pre>
 * So a reference counts fully when its case is new and half after two years; one on the topic the town asks about
 * counts double; many references help, but with diminishing returns, and relevance comes first: the factor of 20
 * recent on-topic references (≈ 2.85) does not lift a profile that hardly matches the words above one that matches
 * them well. Two equally relevant profiles are ordered by their evidence, so one without evidence never outranks
 * an equally relevant one with it.
 */
public final class EvidenceScore {

    public static final double HALF_LIFE_YEARS = 2.0;
    static final double ON_TOPIC = 2.0;
    static final double EVIDENCE_WEIGHT = 0.5;

    private EvidenceScore() {
    }

    /** The weight of one reference. */
    public static double weight(Evidence e, String topic, Instant now) {
        double recency = 1.0;
        if (e.casePublishedAt() != null) {
            double years = Duration.between(e.casePublishedAt(), now).toHours() / (24 * 365.25);
            recency = Math.pow(0.5, years / HALF_LIFE_YEARS);
        }
        return recency * (topic != null && e.caseTopics().contains(topic) ? ON_TOPIC : 1.0);
    }

    /**
     * The same as {@link #evidence(List, String, Instant)} from the sums kept with the entry: the decay since
     * {@link DirectoryEntry.EvidenceSums#EPOCH} is one factor for all references, so this is constant time.
     */
    public static double evidence(DirectoryEntry.EvidenceSums sums, String topic, Instant now) {
        double onTopic = topic == null ? 0 : sums.byTopic().getOrDefault(topic, 0.0);
        return (sums.all() + (ON_TOPIC - 1) * onTopic) / decaySinceEpoch(now);
    }

    /** How much a reference of the epoch has grown less than one published {@code now}: 2^(years since / half-life). */
    static double decaySinceEpoch(Instant now) {
        double days = Duration.between(DirectoryEntry.EvidenceSums.EPOCH, now).toHours() / 24.0;
        return Math.pow(2, days / (HALF_LIFE_YEARS * 365.25));
    }

    public static double evidence(List<Evidence> references, String topic, Instant now) {
        double sum = 0;
        for (Evidence e : references) {
            sum += weight(e, topic, now);
        }
        return sum;
    }

    public static double score(double relevance, double evidence) {
        return relevance * (1 + EVIDENCE_WEIGHT * Math.log1p(evidence));
    }

    /** The references ordered by what they say for this search: the heaviest first. */
    public static List<Evidence> strongestFirst(List<Evidence> references, String topic, Instant now) {
        return references.stream()
                .sorted(Comparator.comparingDouble((Evidence e) -> weight(e, topic, now)).reversed())
                .toList();
    }
}
