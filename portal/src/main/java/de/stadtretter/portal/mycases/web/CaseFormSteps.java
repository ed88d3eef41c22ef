package de.stadtretter.portal.mycases.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.ServletRequestParameterPropertyValues;

/**
 * The steps of the case form. Each step binds only its own fields onto the form loaded from the saved case, so a
 * request can never change what another step holds.
 */
enum CaseFormSteps {

    BASICS(1, "Grunddaten", "title", "teaser", "topics", "tags", "projectStatus", "startDate", "endDate"),
    APPROACH(2, "Ausgangslage und Vorgehen", "problem", "objectives", "approach", "implementation"),
    IMPACT(3, "Kosten und Wirkung", "resources", "budgetMin", "budgetMax", "durationMonths", "fundingProgrammes",
            "results", "indicators[*].name", "indicators[*].unit", "indicators[*].before", "indicators[*].after",
            "indicators[*].measuredAt"),
    EXPERIENCE(4, "Erfahrungen und Kontakt", "lessons", "transferability", "lead", "stakeholders", "contactName",
            "contactRole", "contactEmail", "contactPhone", "links[*].title", "links[*].url");

    static final int COUNT = values().length;

    /** More rows than anybody types; a request with more is cut off here (the API allows 20). */
    private static final int MAX_ROWS = 20;
    /** A row parameter such as {@code links[2].url}: the only names with an index the form has. */
    private static final Pattern ROW = Pattern.compile("^(indicators|links)\\[(\\d{1,2})]\\.[a-zA-Z]+$");

    final int number;
    final String title;
    private final String[] fields;

    CaseFormSteps(int number, String title, String... fields) {
        this.number = number;
        this.title = title;
        this.fields = fields;
    }

    static CaseFormSteps number(int n) {
        return n >= 1 && n <= COUNT ? values()[n - 1] : null;
    }

    static List<CaseFormSteps> all() {
        return List.of(values());
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    /** Whether the field with this id ({@code title}, {@code links-0-url}) is on this step's page. */
    boolean holds(String fieldId) {
        for (String field : fields) {
            String base = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
            if (fieldId.equals(base) || fieldId.startsWith(base + "-")) {
                return true;
            }
        }
        return false;
    }

    /** Binds this step's request parameters onto {@code form}. */
    void bind(CaseForm form, HttpServletRequest request) {
        MutablePropertyValues values = new ServletRequestParameterPropertyValues(request);
        for (PropertyValue value : values.getPropertyValues()) {
            if (value.getName().contains("[")) {
                Matcher row = ROW.matcher(value.getName());
                if (!row.matches() || Integer.parseInt(row.group(2)) >= MAX_ROWS) {
                    values.removePropertyValue(value); // a row no form has: ignored, not an error page
                }
            }
        }
        ServletRequestDataBinder binder = new ServletRequestDataBinder(form, "form");
        binder.setAllowedFields(fields);
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
        binder.bind(values);
        form.padRows();
    }
}
