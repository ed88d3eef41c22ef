package de.stadtretter.matching.recommendations.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.partners.domain.PartnerText;

/**
 * The matching dev set ({@code src/test/resources/devset/}, or any directory with the same three files): cases,
 * partners and needs with graded judgments, in a plain "== key" / "field: value" format that a person can write and
 * review. Keys become stable UUIDs, so a case's key is its id in the index.
 */
public record DevSet(Map<String, CaseText> cases, Map<String, PartnerText> partners, List<Need> needs) {

    public record Need(String key, Recommendations.Request request, Map<String, Integer> caseGrades,
            Map<String, Integer> partnerGrades) {}

    public static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("stadtretter-devset:" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static DevSet load(Path dir, ReferenceData referenceData) {
        Map<String, CaseText> cases = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<String>>> e : blocks(dir.resolve("cases.txt")).entrySet()) {
            cases.put(e.getKey(), caseOf(e.getKey(), e.getValue(), referenceData));
        }
        Map<String, PartnerText> partners = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<String>>> e : blocks(dir.resolve("partners.txt")).entrySet()) {
            Map<String, List<String>> f = e.getValue();
            List<PartnerText.Offering> offerings = new ArrayList<>();
            for (String o : f.getOrDefault("offering", List.of())) {
                String[] parts = o.split("\\|");
                offerings.add(new PartnerText.Offering(parts[0].strip(), parts[1].strip(), list(parts[2])));
            }
            List<String> topics = new ArrayList<>(list(one(f, "topics")));
            offerings.forEach(o -> o.topics().stream().filter(t -> !topics.contains(t)).forEach(topics::add));
            List<UUID> references = list(one(f, "references")).stream().map(k -> {
                if (!cases.containsKey(k)) {
                    throw new IllegalArgumentException(e.getKey() + " references unknown case " + k);
                }
                return id(k);
            }).toList();
            partners.put(e.getKey(), new PartnerText(id(e.getKey()), one(f, "name"), one(f, "description"), topics,
                    list(one(f, "regions")), offerings, references));
        }
        List<Need> needs = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> e : blocks(dir.resolve("needs.txt")).entrySet()) {
            Map<String, List<String>> f = e.getValue();
            needs.add(new Need(e.getKey(), new Recommendations.Request(one(f, "ags"), one(f, "title"),
                    one(f, "description"), list(one(f, "topics")), null), grades(one(f, "cases"), cases.keySet()),
                    grades(one(f, "partners"), partners.keySet())));
        }
        return new DevSet(cases, partners, needs);
    }

    private static CaseText caseOf(String key, Map<String, List<String>> f, ReferenceData referenceData) {
        String ags = one(f, "ags");
        ReferenceData.Municipality town = referenceData.municipality(ags)
                .orElseThrow(() -> new IllegalArgumentException(key + ": unknown AGS " + ags));
        Map<CaseText.Section, String> sections = new EnumMap<>(CaseText.Section.class);
        for (CaseText.Section s : CaseText.Section.values()) {
            String value = one(f, s.name().toLowerCase(Locale.ROOT));
            if (s != CaseText.Section.TITLE && !value.isEmpty()) {
                sections.put(s, value);
            }
        }
        return new CaseText(id(key), one(f, "title"), ags, town.name(),
                referenceData.land(ags).map(ReferenceData.Land::code).orElse(null), town.population(),
                referenceData.townTypeFor(town.population()).code(), list(one(f, "topics")), sections);
    }

    private static Map<String, Integer> grades(String line, java.util.Set<String> known) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String pair : line.isBlank() ? new String[0] : line.strip().split("\\s+")) {
            String[] kv = pair.split("=");
            if (!known.contains(kv[0])) {
                throw new IllegalArgumentException("judgment for unknown item " + kv[0]);
            }
            grades.put(kv[0], Integer.parseInt(kv[1]));
        }
        return grades;
    }

    private static String one(Map<String, List<String>> fields, String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.getFirst();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** key → field → values (a field may repeat, as "offering" does). */
    private static Map<String, Map<String, List<String>>> blocks(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, List<String>>> blocks = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("== ")) {
                current = new LinkedHashMap<>();
                blocks.put(line.substring(3).strip(), current);
                continue;
            }
            int colon = line.indexOf(':');
            if (current == null || colon < 0) {
                throw new IllegalArgumentException(file + ": cannot read line: " + line);
            }
            current.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return blocks;
    }
}
