package de.stadtretter.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import de.stadtretter.portal.catalog.CatalogModels.Budget;

/** German wording and formats for the templates ({@code ${@labels.…}}): dates, numbers, money, statuses. */
@Component("labels")
public class Labels {

    public static final Locale GERMAN = Locale.GERMANY;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", GERMAN);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", GERMAN);
    private static final Map<String, String> STATUS = Map.of("PLANNED", "geplant", "RUNNING", "in Umsetzung",
            "COMPLETED", "abgeschlossen");
    private static final Map<String, String> SORTS = Map.of("relevance", "Relevanz", "newest", "Neueste zuerst",
            "helpful", "Am hilfreichsten");

    public String status(String code) {
        return code == null ? "" : STATUS.getOrDefault(code, code);
    }

    private static final Map<String, String> WORKFLOW = Map.of("DRAFT", "Entwurf", "SUBMITTED", "Bei der Redaktion",
            "CHANGES_REQUESTED", "Änderungen erbeten", "PUBLISHED", "Veröffentlicht", "ARCHIVED", "Archiviert");
    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("created", "Angelegt"),
            Map.entry("edited", "Bearbeitet"), Map.entry("submitted", "Eingereicht"),
            Map.entry("published", "Veröffentlicht"), Map.entry("changes-requested", "Änderungen erbeten"),
            Map.entry("archived", "Archiviert"), Map.entry("revision-submitted", "Überarbeitung eingereicht"),
            Map.entry("revision-published", "Überarbeitung veröffentlicht"),
            Map.entry("revision-created", "Überarbeitung begonnen"), Map.entry("revision-edited", "Überarbeitung bearbeitet"),
            Map.entry("revision-discarded", "Überarbeitung verworfen"),
            Map.entry("revision-changes-requested", "Änderungen an der Überarbeitung erbeten"));

    /** Where a case (or revision) is in the editorial workflow. */
    public String workflow(String code) {
        return code == null ? "" : WORKFLOW.getOrDefault(code, code);
    }

    /** A step of a case's history. */
    public String action(String code) {
        return code == null ? "" : ACTIONS.getOrDefault(code, code);
    }

    /** The badge colour of a workflow status. */
    public String workflowBadge(String code) {
        return switch (code == null ? "" : code) {
            case "PUBLISHED" -> "kern-badge--success";
            case "CHANGES_REQUESTED" -> "kern-badge--warning";
            case "SUBMITTED" -> "kern-badge--info";
            case "ARCHIVED" -> "kern-badge--danger";
            default -> "";
        };
    }

    public String sort(String code) {
        return SORTS.getOrDefault(code, code);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(BERLIN));
    }

    public String month(LocalDate date) {
        return date == null ? "" : MONTH.format(date);
    }

    public String number(Number n) {
        if (n == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(GERMAN);
        f.setMaximumFractionDigits(2);
        return f.format(n instanceof BigDecimal b ? b : n);
    }

    public String euro(Long amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getIntegerInstance(GERMAN);
        return f.format(amount) + " €";
    }

    /** "50.000 € bis 120.000 €", "bis 80.000 €", "ab 10.000 €" or empty. */
    public String budget(Budget budget) {
        if (budget == null || (budget.minEur() == null && budget.maxEur() == null)) {
            return "";
        }
        if (budget.minEur() != null && budget.maxEur() != null) {
            return budget.minEur().equals(budget.maxEur()) ? euro(budget.minEur())
                    : euro(budget.minEur()) + " bis " + euro(budget.maxEur());
        }
        return budget.maxEur() != null ? "bis " + euro(budget.maxEur()) : "ab " + euro(budget.minEur());
    }

    /** A budget bucket of the search facets ("bis 50.000 €"). */
    public String budgetBucket(String value) {
        try {
            return "bis " + euro(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("title", "Titel"),
            Map.entry("teaser", "Kurzbeschreibung"), Map.entry("topics", "Themen"),
            Map.entry("tags", "Schlagworte"), Map.entry("projectStatus", "Projektstand"),
            Map.entry("startDate", "Projektbeginn"), Map.entry("endDate", "Projektende"),
            Map.entry("problem", "Ausgangslage"), Map.entry("objectives", "Ziele"),
            Map.entry("approach", "Herangehensweise"), Map.entry("implementation", "Umsetzung"),
            Map.entry("resources", "Kosten und Ressourcen"), Map.entry("results", "Ergebnisse"),
            Map.entry("lessons", "Lernerfahrungen und Stolpersteine"), Map.entry("transferability", "Übertragbarkeit"),
            Map.entry("budget", "Budget"), Map.entry("fundingProgrammes", "Förderprogramme"),
            Map.entry("durationMonths", "Laufzeit in Monaten"), Map.entry("indicators", "Kennzahlen"),
            Map.entry("actors", "Akteure"), Map.entry("contact", "Ansprechperson"),
            Map.entry("links", "Weiterführende Links"), Map.entry("place", "Ort"));

    /** The German name of a field of a case, as catalog-service names it ({@code changedFields}). */
    public String field(String name) {
        return FIELDS.getOrDefault(name, name);
    }

    /** The heading of a section, or of a field that matched in the search (the same names as {@link #field}). */
    public String section(String field) {
        return field(field);
    }

    /**
     * A highlighted passage of the search as safe HTML: the service sends it escaped with the matches in
     * {@code <mark>}; the portal does not rely on that and escapes everything again but the marks.
     */
    public String highlight(String passage) {
        if (passage == null) {
            return "";
        }
        String text = HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(passage.replace("<mark>", "\u0001")
                .replace("</mark>", "\u0002")), "UTF-8");
        return text.replace("\u0001", "<mark>").replace("\u0002", "</mark>");
    }

    public String count(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }
}
