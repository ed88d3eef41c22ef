package de.stadtretter.matching.cases.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A published case as the recommendations see it: its public text by section, its topics and its town's size.
 *
 * @param population the owner town's inhabitants (null if the catalogue did not say)
 * @param townType the BBSR town type code of the owner town ("21" Mittelstadt, ...), null if unknown
 */
public record CaseText(UUID caseId, String title, String ags, String municipalityName, String stateCode,
        Long population, String townType, List<String> topics, Map<Section, String> sections) {

    public CaseText {
        topics = List.copyOf(topics);
        sections = Map.copyOf(sections);
    }

    /** The parts of a case, with the German names the reasons quote. */
    public enum Section {
        TITLE("Titel"), TEASER("Kurzbeschreibung"), TAGS("Schlagworte"), PROBLEM("Ausgangslage"),
        OBJECTIVES("Ziele"), APPROACH("Vorgehen"), IMPLEMENTATION("Umsetzung"), RESOURCES("Kosten"),
        RESULTS("Ergebnisse"), LESSONS("Lernerfahrungen"), TRANSFERABILITY("Übertragbarkeit");

        private final String labelDe;

        Section(String labelDe) {
            this.labelDe = labelDe;
        }

        public String labelDe() {
            return labelDe;
        }
    }

    public String section(Section section) {
        return section == Section.TITLE ? title : sections.getOrDefault(section, "");
    }
}
