package de.stadtretter.matching.municipalities.domain;

import java.util.List;
import java.util.stream.Stream;

import de.stadtretter.kit.reference.ReferenceData;

/**
 * A municipality as matching sees it: the structural facts of the reference data (Destatis municipality list,
 * districts, BBSR town types) and what the Kommune says about itself, has published and is looking for (the topics
 * of its open needs that members may see).
 *
 * @param setting where the town lies, from its district: {@code URBAN} (a district-free city or a district with at
 *        least 300 inhabitants per km²), {@code INTERMEDIATE} (150 to 300) or {@code RURAL} (below 150), after the
 *        density threshold of the BBSR's district types
 */
public record TownProfile(String ags, String name, long population, double areaKm2, double density, String landCode,
        String landName, String districtAgs, String districtName, ReferenceData.TownType townType, Setting setting,
        List<String> focusTopics, String selfDescription, long noteVersion, int publishedCases,
        List<String> caseTopics, List<String> needTopics) {

    public enum Setting {
        URBAN("in städtischer Lage"), INTERMEDIATE("in ländlicher Lage mit Verdichtungsansätzen"),
        RURAL("in ländlicher Lage");

        private final String labelDe;

        Setting(String labelDe) {
            this.labelDe = labelDe;
        }

        public String labelDe() {
            return labelDe;
        }
    }

    /** The topics the town works on: its focus, its published cases and its open needs. */
    public List<String> topics() {
        return Stream.of(focusTopics, caseTopics, needTopics).flatMap(List::stream).distinct().toList();
    }
}
