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

    private static final Map<String, String> SECTIONS = Map.ofEntries(Map.entry("title", "Titel"),
            Map.entry("teaser", "Kurzbeschreibung"), Map.entry("problem", "Ausgangslage"),
            Map.entry("objectives", "Ziele"), Map.entry("approach", "Herangehensweise"),
            Map.entry("implementation", "Umsetzung"), Map.entry("resources", "Kosten und Ressourcen"),
            Map.entry("results", "Ergebnisse"), Map.entry("lessons", "Lernerfahrungen"),
            Map.entry("transferability", "Übertragbarkeit"), Map.entry("tags", "Schlagworte"),
            Map.entry("place", "Ort"));

    public String section(String field) {
        return SECTIONS.getOrDefault(field, field);
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
