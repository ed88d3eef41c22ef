package de.stadtretter.portal.needs.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.stadtretter.portal.needs.NeedModels.NeedWrite;

/**
 * The "Bedarf formulieren" form as entered (German parameter names), its checks with German messages, and the body
 * for matching-service.
 */
record NeedForm(String titel, String beschreibung, List<String> themen, String sichtbarkeit,
        Boolean benachrichtigen) {

    static final int TITLE_MAX = 150;
    static final int DESCRIPTION_MAX = 5_000;
    static final int TOPICS_MAX = 6;
    static final Set<String> VISIBILITIES = Set.of("PUBLIC", "MEMBERS", "PRIVATE");
    /** API field → form field, for the service's field errors. */
    static final Map<String, String> FIELDS = Map.of("title", "titel", "description", "beschreibung", "topics",
            "themen", "visibility", "sichtbarkeit");

    NeedForm {
        titel = titel == null ? "" : titel.strip();
        beschreibung = beschreibung == null ? "" : beschreibung.strip();
        themen = themen == null ? List.of() : themen.stream().filter(t -> t != null && !t.isBlank()).distinct()
                .toList();
        sichtbarkeit = sichtbarkeit == null || !VISIBILITIES.contains(sichtbarkeit) ? "MEMBERS" : sichtbarkeit;
        // an unchecked box sends nothing
        benachrichtigen = Boolean.TRUE.equals(benachrichtigen);
    }

    static NeedForm empty() {
        return new NeedForm("", "", List.of(), "MEMBERS", true);
    }

    /** Field id → German message; empty when the form can be saved. */
    Map<String, String> check(Set<String> topicIds) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (titel.isEmpty()) {
            errors.put("titel", "Bitte geben Sie an, worum es geht (Titel).");
        } else if (titel.codePointCount(0, titel.length()) > TITLE_MAX) {
            errors.put("titel", "Der Titel darf höchstens 150 Zeichen lang sein.");
        }
        if (beschreibung.codePointCount(0, beschreibung.length()) > DESCRIPTION_MAX) {
            errors.put("beschreibung", "Die Beschreibung darf höchstens 5.000 Zeichen lang sein.");
        }
        if (themen.size() > TOPICS_MAX) {
            errors.put("themen", "Bitte wählen Sie höchstens sechs Themen.");
        } else if (!topicIds.containsAll(themen)) {
            errors.put("themen", "Bitte wählen Sie Themen aus der Liste.");
        }
        return errors;
    }

    /** Enough to ask for recommendations: a title, or some words of description. */
    boolean canPreview() {
        return !titel.isEmpty() || beschreibung.length() >= 10;
    }

    NeedWrite toWrite(String ags) {
        return new NeedWrite(ags, titel.isEmpty() ? beschreibung.lines().findFirst().orElse("") : titel,
                beschreibung, themen, sichtbarkeit);
    }
}
