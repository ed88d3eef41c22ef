package de.stadtretter.portal.newsletter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.ui.Model;

import de.stadtretter.portal.newsletter.NewsletterModels.Option;
import de.stadtretter.portal.newsletter.NewsletterModels.Options;
import de.stadtretter.portal.newsletter.NewsletterModels.Preferences;

/**
 * The preference fields every newsletter form shares (fragment {@code newsletter/preferences :: fields}): read from
 * the request, checked against what the service offers, with German messages for the fields.
 */
public final class NewsletterForms {

    public static final Set<String> KINDS = Set.of("CASES", "PARTNERS", "NEEDS");
    public static final Set<String> FREQUENCIES = Set.of("IMMEDIATE", "DAILY", "WEEKLY");

    private NewsletterForms() {
    }

    /** The chosen preferences; problems go into {@code errors} (field id → message). */
    public static Preferences read(List<String> topics, List<String> laender, List<String> townTypes, List<String> kinds,
            String frequency, Options options, Map<String, String> errors) {
        List<String> chosenTopics = known(topics, options.topics());
        List<String> chosenKinds = kinds == null ? List.of() : kinds.stream().filter(KINDS::contains).distinct()
                .toList();
        if (chosenTopics.isEmpty()) {
            errors.put("topics", "Bitte wählen Sie mindestens ein Thema.");
        }
        if (chosenKinds.isEmpty()) {
            errors.put("kinds", "Bitte wählen Sie, worüber wir Sie informieren sollen.");
        }
        if (frequency == null || !FREQUENCIES.contains(frequency)) {
            errors.put("frequency", "Bitte wählen Sie, wie oft Sie E-Mails erhalten möchten.");
        }
        return new Preferences(chosenTopics, known(laender, options.laender()), known(townTypes, options.townTypes()),
                chosenKinds, frequency == null ? "WEEKLY" : frequency);
    }

    /** Puts what the fragment needs into the model. */
    public static void show(Model model, Options options, Preferences chosen, Map<String, String> errors) {
        model.addAttribute("options", options);
        model.addAttribute("prefs", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("kindLabels", kindLabels());
        model.addAttribute("frequencyLabels", frequencyLabels());
    }

    /** The service named fields it rejected: a German message for each. */
    public static void rejected(List<String> fields, Map<String, String> errors) {
        for (String field : fields) {
            switch (field) {
                case "email" -> errors.put("email", "Diese E-Mail-Adresse wurde nicht angenommen. Bitte prüfen Sie sie.");
                case "topics" -> errors.put("topics", "Bitte wählen Sie nur Themen aus der Liste.");
                case "laender" -> errors.put("laender", "Bitte wählen Sie nur Länder aus der Liste.");
                case "townTypes" -> errors.put("townTypes", "Bitte wählen Sie nur Gemeindetypen aus der Liste.");
                case "kinds" -> errors.put("kinds", "Bitte wählen Sie, worüber wir Sie informieren sollen.");
                case "frequency" -> errors.put("frequency", "Bitte wählen Sie, wie oft Sie E-Mails erhalten möchten.");
                default -> errors.putIfAbsent("email", "Diese Angaben wurden nicht angenommen. Bitte prüfen Sie sie.");
            }
        }
        if (errors.isEmpty()) {
            errors.put("email", "Diese Angaben wurden nicht angenommen. Bitte prüfen Sie sie.");
        }
    }

    public static Map<String, String> kindLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("CASES", "Neue Praxisbeispiele");
        labels.put("PARTNERS", "Neu geprüfte Partner (Dienstleister)");
        labels.put("NEEDS", "Bedarfe anderer Kommunen");
        return labels;
    }

    public static Map<String, String> frequencyLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("IMMEDIATE", "Sofort, sobald es Neues gibt");
        labels.put("DAILY", "Täglich um 7 Uhr");
        labels.put("WEEKLY", "Wöchentlich, montags um 7 Uhr");
        return labels;
    }

    /** A wait in seconds in words: "in etwa 12 Minuten". */
    public static String waitText(long seconds) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        return minutes == 1 ? "in etwa einer Minute" : "in etwa " + minutes + " Minuten";
    }

    private static List<String> known(List<String> chosen, List<Option> options) {
        if (chosen == null) {
            return List.of();
        }
        Set<String> ids = new java.util.HashSet<>(options.stream().map(Option::id).toList());
        return chosen.stream().filter(ids::contains).distinct().toList();
    }
}
