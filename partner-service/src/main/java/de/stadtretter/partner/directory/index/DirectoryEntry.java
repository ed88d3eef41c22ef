package de.stadtretter.partner.directory.index;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.stadtretter.partner.profiles.domain.Offering;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.web.ReferenceResponse;

/**
 * What the directory holds of a verified profile: the public fields it shows and filters on, the topics of its
 * offerings, and its evidence (the confirmed references on cases in the catalogue).
 */
public record DirectoryEntry(UUID id, String name, String description, List<String> topics, List<String> regions,
        List<String> offeringTopics, List<Evidence> evidence, String sortName, List<String> allTopics,
        EvidenceSums sums) {

    /**
     * The evidence of all references and of those per case topic, each reference weighted by its recency as of
     * {@link EvidenceSums#EPOCH}: evidence at any later time is these sums times one factor for the time since
     * (exponential decay), so a search computes it in constant time per profile.
     *
     * @param all Σ 0.5^((publishedAt - EPOCH) / half-life) over all references (grows with newer cases)
     * @param byTopic the same sum over the references whose case is on the topic
     */
    public record EvidenceSums(double all, Map<String, Double> byTopic) {

        public static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

        /** Growth per day at half-life {@code halfLifeYears}: {@code 2^(1 / (halfLife × 365.25))}. */
        static double at(Instant publishedAt, double halfLifeYears) {
            double days = Duration.between(EPOCH, publishedAt).toHours() / 24.0;
            return Math.pow(2, days / (halfLifeYears * 365.25));
        }

        static EvidenceSums of(List<Evidence> evidence, Instant indexedAt, double halfLifeYears) {
            double all = 0;
            Map<String, Double> byTopic = new HashMap<>();
            for (Evidence e : evidence) {
                double w = at(e.casePublishedAt() == null ? indexedAt : e.casePublishedAt(), halfLifeYears);
                all += w;
                for (String t : e.caseTopics()) {
                    byTopic.merge(t, w, Double::sum);
                }
            }
            return new EvidenceSums(all, Map.copyOf(byTopic));
        }
    }

    /** One confirmed reference: the case (title, municipality, topics, when it was published) and the role. */
    public record Evidence(UUID caseId, String title, String municipality, String role, List<String> caseTopics,
            Instant casePublishedAt) {}

    /** @param halfLifeYears after how many years a reference counts half ({@code EvidenceScore}) */
    public static DirectoryEntry of(Partner p, List<Reference> confirmed, Instant now, double halfLifeYears) {
        List<String> offeringTopics = p.offerings().stream().flatMap(o -> o.topics().stream()).distinct().toList();
        Set<String> all = new LinkedHashSet<>(p.profile().topics());
        all.addAll(offeringTopics);
        List<Evidence> evidence = confirmed.stream().map(r -> new Evidence(r.caseId(), r.caseTitle(),
                ReferenceResponse.municipality(r.caseAgs()), r.role(), r.caseTopics(), r.casePublishedAt())).toList();
        return new DirectoryEntry(p.id(), p.profile().name(), p.profile().description(), p.profile().topics(),
                p.profile().regions(), offeringTopics, evidence, sortName(p.profile().name()), List.copyOf(all),
                EvidenceSums.of(evidence, now, halfLifeYears));
    }

    /** The name as German dictionaries sort it (DIN 5007-1: "Ä" as "A", "ß" as "ss"), case-insensitive. */
    static String sortName(String name) {
        String folded = Normalizer.normalize(name.replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT);
    }

    /** Whether the company works on {@code topic}: in its profile or one of its offerings. */
    public boolean hasTopic(String topic) {
        return allTopics.contains(topic);
    }

    /** Whether the company works in {@code region}: a Land it names, or nationwide ({@code DE}). */
    public boolean worksIn(String region) {
        return regions.contains(region) || regions.contains("DE");
    }

    /** The text of the offerings, for the index. */
    static String offeringsText(List<Offering> offerings) {
        StringBuilder text = new StringBuilder();
        for (Offering o : offerings) {
            text.append(o.title()).append('\n');
            if (o.description() != null) {
                text.append(o.description()).append('\n');
            }
        }
        return text.toString();
    }
}
