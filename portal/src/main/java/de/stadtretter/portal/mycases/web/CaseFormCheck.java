package de.stadtretter.portal.mycases.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of catalog-service for a case, checked in the portal first, so that every error comes with a German
 * message next to its field. The keys are the ids of the form fields, in the order of the page.
 */
final class CaseFormCheck {

    static final int TEXT_MAX = 20_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +()/.\\-]{3,40}$");
    private static final Pattern EUROS = Pattern.compile("^\\d{1,13}$");
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d{1,13}(,\\d{1,6})?$");
    static final Set<String> PROJECT_STATUSES = Set.of("PLANNED", "RUNNING", "COMPLETED");

    private CaseFormCheck() {
    }

    /** The errors of one step, by field id; empty if everything is fine. */
    static Map<String, String> check(CaseFormSteps step, CaseForm f, Set<String> topicIds) {
        Map<String, String> e = new LinkedHashMap<>();
        switch (step) {
            case BASICS -> {
                required(e, "title", f.getTitle(), "Bitte geben Sie einen Titel ein.");
                max(e, "title", f.getTitle(), 120);
                required(e, "teaser", f.getTeaser(), "Bitte geben Sie eine Kurzbeschreibung ein.");
                max(e, "teaser", f.getTeaser(), 300);
                if (f.getTopics().isEmpty()) {
                    e.put("topics", "Bitte wählen Sie mindestens ein Thema.");
                } else if (f.getTopics().size() > 4) {
                    e.put("topics", "Bitte wählen Sie höchstens vier Themen.");
                } else if (!topicIds.containsAll(f.getTopics())) {
                    e.put("topics", "Bitte wählen Sie nur Themen aus der Liste.");
                }
                List<String> tags = CaseForm.items(f.getTags());
                if (tags.size() > 10) {
                    e.put("tags", "Bitte geben Sie höchstens zehn Schlagworte an.");
                } else if (tags.stream().anyMatch(t -> t.length() > 40)) {
                    e.put("tags", "Ein Schlagwort darf höchstens 40 Zeichen lang sein.");
                } else if (tags.stream().distinct().count() < tags.size()) {
                    e.put("tags", "Bitte nennen Sie jedes Schlagwort nur einmal.");
                }
                if (!f.getProjectStatus().isBlank() && !PROJECT_STATUSES.contains(f.getProjectStatus())) {
                    e.put("projectStatus", "Bitte wählen Sie einen Projektstand aus der Liste.");
                }
                LocalDate start = date(e, "startDate", f.getStartDate());
                LocalDate end = date(e, "endDate", f.getEndDate());
                if (start != null && end != null && end.isBefore(start)) {
                    e.put("endDate", "Das Projektende darf nicht vor dem Projektbeginn liegen.");
                }
            }
            case APPROACH -> {
                max(e, "problem", f.getProblem(), TEXT_MAX);
                max(e, "objectives", f.getObjectives(), TEXT_MAX);
                max(e, "approach", f.getApproach(), TEXT_MAX);
                max(e, "implementation", f.getImplementation(), TEXT_MAX);
            }
            case IMPACT -> {
                max(e, "resources", f.getResources(), TEXT_MAX);
                Long min = euros(e, "budgetMin", f.getBudgetMin());
                Long max = euros(e, "budgetMax", f.getBudgetMax());
                if (min != null && max != null && min > max) {
                    e.put("budgetMax", "Das Budget bis darf nicht kleiner sein als das Budget von.");
                }
                if (!f.getDurationMonths().isBlank()) {
                    String d = f.getDurationMonths().strip();
                    if (!d.matches("^\\d{1,3}$") || Integer.parseInt(d) > 600) {
                        e.put("durationMonths", "Bitte geben Sie die Laufzeit als ganze Zahl von Monaten an (höchstens 600).");
                    }
                }
                List<String> programmes = CaseForm.lines(f.getFundingProgrammes());
                if (programmes.size() > 10 || programmes.stream().anyMatch(p -> p.length() > 200)) {
                    e.put("fundingProgrammes", "Bitte nennen Sie höchstens zehn Förderprogramme mit je höchstens 200 Zeichen.");
                }
                max(e, "results", f.getResults(), TEXT_MAX);
                for (int i = 0; i < f.getIndicators().size(); i++) {
                    CaseForm.IndicatorRow r = f.getIndicators().get(i);
                    if (!r.filled()) {
                        continue;
                    }
                    String id = "indicators-" + i + "-";
                    required(e, id + "name", r.getName(), "Bitte benennen Sie die Kennzahl.");
                    max(e, id + "name", r.getName(), 120);
                    max(e, id + "unit", r.getUnit(), 30);
                    decimal(e, id + "before", r.getBefore());
                    decimal(e, id + "after", r.getAfter());
                    date(e, id + "measuredAt", r.getMeasuredAt());
                }
            }
            case EXPERIENCE -> {
                max(e, "lessons", f.getLessons(), TEXT_MAX);
                max(e, "transferability", f.getTransferability(), TEXT_MAX);
                max(e, "lead", f.getLead(), 200);
                List<String> stakeholders = CaseForm.lines(f.getStakeholders());
                if (stakeholders.size() > 20 || stakeholders.stream().anyMatch(s -> s.length() > 200)) {
                    e.put("stakeholders", "Bitte nennen Sie höchstens 20 Beteiligte mit je höchstens 200 Zeichen.");
                }
                max(e, "contactName", f.getContactName(), 120);
                max(e, "contactRole", f.getContactRole(), 120);
                if (!f.getContactEmail().isBlank() && (!EMAIL.matcher(f.getContactEmail().strip()).matches()
                        || f.getContactEmail().length() > 254)) {
                    e.put("contactEmail", "Bitte geben Sie eine E-Mail-Adresse wie name@stadt.de an.");
                }
                if (!f.getContactPhone().isBlank() && !PHONE.matcher(f.getContactPhone().strip()).matches()) {
                    e.put("contactPhone", "Bitte geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) / . - an.");
                }
                for (int i = 0; i < f.getLinks().size(); i++) {
                    CaseForm.LinkRow r = f.getLinks().get(i);
                    if (!r.filled()) {
                        continue;
                    }
                    String id = "links-" + i + "-";
                    required(e, id + "title", r.getTitle(), "Bitte geben Sie dem Link einen Titel.");
                    max(e, id + "title", r.getTitle(), 200);
                    if (!httpUrl(r.getUrl().strip()) || r.getUrl().length() > 2000) {
                        e.put(id + "url", "Bitte geben Sie eine vollständige Adresse an, die mit https:// oder http:// beginnt.");
                    }
                }
            }
        }
        return e;
    }

    /** The step whose page holds the field with this id, or {@code null}. */
    static CaseFormSteps stepOf(String fieldId) {
        return CaseFormSteps.all().stream().filter(s -> s.holds(fieldId)).findFirst().orElse(null);
    }

    /**
     * The form field of a field catalog-service named ({@code budget.minEur}, {@code indicators[0].before},
     * {@code links[1].url}, {@code contact.email}, {@code actors.lead}, ...).
     */
    static String fieldId(String apiField) {
        String f = apiField.replaceAll("\\[(\\d+)]\\.", "-$1-").replaceAll("\\[\\d+]$", "");
        return switch (f) {
            case "budget", "budget.minEur" -> "budgetMin";
            case "budget.maxEur" -> "budgetMax";
            case "contact.name" -> "contactName";
            case "contact.role" -> "contactRole";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "actors.lead" -> "lead";
            case "actors.stakeholders" -> "stakeholders";
            default -> f.startsWith("contact") ? "contactName" : f;
        };
    }

    static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.strip().replace(',', '.'));
    }

    static Long euros(String value) {
        return value == null || value.isBlank() ? null : Long.valueOf(value.strip().replace(".", ""));
    }

    private static void required(Map<String, String> e, String id, String value, String message) {
        if (value.isBlank()) {
            e.putIfAbsent(id, message);
        }
    }

    private static void max(Map<String, String> e, String id, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            e.putIfAbsent(id, "Bitte kürzen Sie den Text auf höchstens " + String.format(java.util.Locale.GERMANY,
                    "%,d", max) + " Zeichen.");
        }
    }

    private static LocalDate date(Map<String, String> e, String id, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException ex) {
            e.putIfAbsent(id, "Bitte geben Sie ein gültiges Datum an.");
            return null;
        }
    }

    private static Long euros(Map<String, String> e, String id, String value) {
        if (value.isBlank()) {
            return null;
        }
        String digits = value.strip().replace(".", "");
        if (!EUROS.matcher(digits).matches()) {
            e.put(id, "Bitte geben Sie einen ganzen Betrag in Euro ohne Cent an, z. B. 25000.");
            return null;
        }
        return Long.valueOf(digits);
    }

    private static void decimal(Map<String, String> e, String id, String value) {
        if (!value.isBlank() && !DECIMAL.matcher(value.strip()).matches()) {
            e.putIfAbsent(id, "Bitte geben Sie eine Zahl an, z. B. 28,6.");
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException ex) {
            return false;
        }
    }
}
