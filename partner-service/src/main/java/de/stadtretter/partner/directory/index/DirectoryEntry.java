package de.stadtretter.partner.directory.index;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
        List<String> offeringTopics, List<Evidence> evidence, String sortName) {

    /** One confirmed reference: the case (title, municipality, topics, when it was published) and the role. */
    public record Evidence(UUID caseId, String title, String municipality, String role, List<String> caseTopics,
            Instant casePublishedAt) {}

    public static DirectoryEntry of(Partner p, List<Reference> confirmed) {
        return new DirectoryEntry(p.id(), p.profile().name(), p.profile().description(), p.profile().topics(),
                p.profile().regions(), p.offerings().stream().flatMap(o -> o.topics().stream()).distinct().toList(),
                confirmed.stream().map(r -> new Evidence(r.caseId(), r.caseTitle(),
                        ReferenceResponse.municipality(r.caseAgs()), r.role(), r.caseTopics(),
                        r.casePublishedAt())).toList(),
                sortName(p.profile().name()));
    }

    /** The name as German dictionaries sort it (DIN 5007-1: "Ä" as "A", "ß" as "ss"), case-insensitive. */
    static String sortName(String name) {
        String folded = Normalizer.normalize(name.replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT);
    }

    /** Whether the company works on {@code topic}: in its profile or one of its offerings. */
    public boolean hasTopic(String topic) {
        return topics.contains(topic) || offeringTopics.contains(topic);
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
