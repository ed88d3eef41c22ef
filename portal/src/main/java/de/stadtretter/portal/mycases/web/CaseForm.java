package de.stadtretter.portal.mycases.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.stadtretter.portal.catalog.CatalogModels.Actors;
import de.stadtretter.portal.catalog.CatalogModels.Budget;
import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.CaseWrite;
import de.stadtretter.portal.catalog.CatalogModels.Contact;
import de.stadtretter.portal.catalog.CatalogModels.Indicator;
import de.stadtretter.portal.catalog.CatalogModels.Link;

/**
 * The case form as the browser sends it, every value as typed (text), so that a wrong entry comes back to the
 * member unchanged next to its error message. {@link CaseFormSteps} binds one step's fields at a time onto the form
 * loaded from the saved case; {@link CaseFormCheck} checks them; {@link #toWrite} turns the whole form into the JSON
 * of catalog-service.
 */
public class CaseForm {

    /** Rows offered for indicators and links; filled rows beyond these stay. */
    static final int MIN_INDICATOR_ROWS = 3;
    static final int MIN_LINK_ROWS = 3;

    private String title = "";
    private String teaser = "";
    private List<String> topics = new ArrayList<>();
    private String tags = "";
    private String projectStatus = "";
    private String startDate = "";
    private String endDate = "";
    private String problem = "";
    private String objectives = "";
    private String approach = "";
    private String implementation = "";
    private String resources = "";
    private String results = "";
    private String lessons = "";
    private String transferability = "";
    private String budgetMin = "";
    private String budgetMax = "";
    private String durationMonths = "";
    private String fundingProgrammes = "";
    private List<IndicatorRow> indicators = new ArrayList<>();
    private String lead = "";
    private String stakeholders = "";
    private List<UUID> partnerIds = new ArrayList<>();
    private String contactName = "";
    private String contactRole = "";
    private String contactEmail = "";
    private String contactPhone = "";
    private List<LinkRow> links = new ArrayList<>();

    /** An empty form with its empty rows. */
    public static CaseForm empty() {
        CaseForm form = new CaseForm();
        form.padRows();
        return form;
    }

    /** The form with what is saved (the case, or the revision's version of it). */
    public static CaseForm of(CaseDetail c) {
        CaseForm f = new CaseForm();
        f.title = text(c.title());
        f.teaser = text(c.teaser());
        f.topics = new ArrayList<>(c.topics());
        f.tags = String.join(", ", c.tags());
        f.projectStatus = text(c.projectStatus());
        f.startDate = c.startDate() == null ? "" : c.startDate().toString();
        f.endDate = c.endDate() == null ? "" : c.endDate().toString();
        f.problem = text(c.problem());
        f.objectives = text(c.objectives());
        f.approach = text(c.approach());
        f.implementation = text(c.implementation());
        f.resources = text(c.resources());
        f.results = text(c.results());
        f.lessons = text(c.lessons());
        f.transferability = text(c.transferability());
        if (c.budget() != null) {
            f.budgetMin = c.budget().minEur() == null ? "" : c.budget().minEur().toString();
            f.budgetMax = c.budget().maxEur() == null ? "" : c.budget().maxEur().toString();
        }
        f.durationMonths = c.durationMonths() == null ? "" : c.durationMonths().toString();
        f.fundingProgrammes = String.join("\n", c.fundingProgrammes());
        for (Indicator i : c.indicators()) {
            f.indicators.add(new IndicatorRow(text(i.name()), text(i.unit()), decimal(i.before()),
                    decimal(i.after()), i.measuredAt() == null ? "" : i.measuredAt().toString()));
        }
        if (c.actors() != null) {
            f.lead = text(c.actors().lead());
            f.stakeholders = String.join("\n", c.actors().stakeholders());
            f.partnerIds = new ArrayList<>(c.actors().partnerIds());
        }
        if (c.contact() != null) {
            f.contactName = text(c.contact().name());
            f.contactRole = text(c.contact().role());
            f.contactEmail = text(c.contact().email());
            f.contactPhone = text(c.contact().phone());
        }
        for (Link l : c.links()) {
            f.links.add(new LinkRow(text(l.title()), text(l.url())));
        }
        f.padRows();
        return f;
    }

    /** Empty rows up to the minimum, so that there is always room for one more indicator and link. */
    void padRows() {
        while (indicators.size() < MIN_INDICATOR_ROWS) {
            indicators.add(new IndicatorRow());
        }
        while (links.size() < MIN_LINK_ROWS) {
            links.add(new LinkRow());
        }
    }

    /**
     * The JSON for catalog-service; only call it after {@link CaseFormCheck} found no error (numbers and dates parse).
     *
     * @param ags the municipality, when the case is created; {@code null} when it is edited
     * @param version the saved version the change is based on; {@code null} when the case is created
     */
    public CaseWrite toWrite(String ags, Long version) {
        List<Indicator> indicatorList = indicators.stream().filter(IndicatorRow::filled)
                .map(r -> new Indicator(r.name.strip(), blankToNull(r.unit), CaseFormCheck.decimal(r.before),
                        CaseFormCheck.decimal(r.after), date(r.measuredAt)))
                .toList();
        List<Link> linkList = links.stream().filter(LinkRow::filled)
                .map(r -> new Link(r.title.strip(), r.url.strip())).toList();
        Budget budget = budgetMin.isBlank() && budgetMax.isBlank() ? null
                : new Budget(CaseFormCheck.euros(budgetMin), CaseFormCheck.euros(budgetMax));
        Contact contact = contactName.isBlank() && contactRole.isBlank() && contactEmail.isBlank()
                && contactPhone.isBlank() ? null
                        : new Contact(blankToNull(contactName), blankToNull(contactRole), blankToNull(contactEmail),
                                blankToNull(contactPhone));
        Actors actors = new Actors(blankToNull(lead), lines(stakeholders), partnerIds);
        return new CaseWrite(title.strip(), teaser.strip(), ags, List.copyOf(topics), items(tags),
                blankToNull(projectStatus), date(startDate), date(endDate), blankToNull(problem),
                blankToNull(objectives), blankToNull(approach), blankToNull(implementation), blankToNull(resources),
                blankToNull(results), blankToNull(lessons), blankToNull(transferability), budget,
                lines(fundingProgrammes), durationMonths.isBlank() ? null : Integer.valueOf(durationMonths.strip()),
                indicatorList, actors, contact, linkList, version);
    }

    /** Comma-separated entries (the tags), without blanks. */
    static List<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One entry per line, without blank lines. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A German decimal (comma), as the member would type it. */
    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** One row of the indicator table. */
    public static class IndicatorRow {
        private String name = "";
        private String unit = "";
        private String before = "";
        private String after = "";
        private String measuredAt = "";

        public IndicatorRow() {
        }

        IndicatorRow(String name, String unit, String before, String after, String measuredAt) {
            this.name = name;
            this.unit = unit;
            this.before = before;
            this.after = after;
            this.measuredAt = measuredAt;
        }

        boolean filled() {
            return !(name.isBlank() && unit.isBlank() && before.isBlank() && after.isBlank() && measuredAt.isBlank());
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = nonNull(name); }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = nonNull(unit); }
        public String getBefore() { return before; }
        public void setBefore(String before) { this.before = nonNull(before); }
        public String getAfter() { return after; }
        public void setAfter(String after) { this.after = nonNull(after); }
        public String getMeasuredAt() { return measuredAt; }
        public void setMeasuredAt(String measuredAt) { this.measuredAt = nonNull(measuredAt); }
    }

    /** One row of the link list. */
    public static class LinkRow {
        private String title = "";
        private String url = "";

        public LinkRow() {
        }

        LinkRow(String title, String url) {
            this.title = title;
            this.url = url;
        }

        boolean filled() {
            return !(title.isBlank() && url.isBlank());
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = nonNull(title); }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = nonNull(url); }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = nonNull(title); }
    public String getTeaser() { return teaser; }
    public void setTeaser(String teaser) { this.teaser = nonNull(teaser); }
    public List<String> getTopics() { return topics; }
    public void setTopics(List<String> topics) { this.topics = topics == null ? new ArrayList<>() : new ArrayList<>(topics); }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = nonNull(tags); }
    public String getProjectStatus() { return projectStatus; }
    public void setProjectStatus(String projectStatus) { this.projectStatus = nonNull(projectStatus); }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = nonNull(startDate); }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = nonNull(endDate); }
    public String getProblem() { return problem; }
    public void setProblem(String problem) { this.problem = nonNull(problem); }
    public String getObjectives() { return objectives; }
    public void setObjectives(String objectives) { this.objectives = nonNull(objectives); }
    public String getApproach() { return approach; }
    public void setApproach(String approach) { this.approach = nonNull(approach); }
    public String getImplementation() { return implementation; }
    public void setImplementation(String implementation) { this.implementation = nonNull(implementation); }
    public String getResources() { return resources; }
    public void setResources(String resources) { this.resources = nonNull(resources); }
    public String getResults() { return results; }
    public void setResults(String results) { this.results = nonNull(results); }
    public String getLessons() { return lessons; }
    public void setLessons(String lessons) { this.lessons = nonNull(lessons); }
    public String getTransferability() { return transferability; }
    public void setTransferability(String transferability) { this.transferability = nonNull(transferability); }
    public String getBudgetMin() { return budgetMin; }
    public void setBudgetMin(String budgetMin) { this.budgetMin = nonNull(budgetMin); }
    public String getBudgetMax() { return budgetMax; }
    public void setBudgetMax(String budgetMax) { this.budgetMax = nonNull(budgetMax); }
    public String getDurationMonths() { return durationMonths; }
    public void setDurationMonths(String durationMonths) { this.durationMonths = nonNull(durationMonths); }
    public String getFundingProgrammes() { return fundingProgrammes; }
    public void setFundingProgrammes(String fundingProgrammes) { this.fundingProgrammes = nonNull(fundingProgrammes); }
    public List<IndicatorRow> getIndicators() { return indicators; }
    public void setIndicators(List<IndicatorRow> indicators) { this.indicators = indicators; }
    public String getLead() { return lead; }
    public void setLead(String lead) { this.lead = nonNull(lead); }
    public String getStakeholders() { return stakeholders; }
    public void setStakeholders(String stakeholders) { this.stakeholders = nonNull(stakeholders); }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = nonNull(contactName); }
    public String getContactRole() { return contactRole; }
    public void setContactRole(String contactRole) { this.contactRole = nonNull(contactRole); }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = nonNull(contactEmail); }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = nonNull(contactPhone); }
    public List<LinkRow> getLinks() { return links; }
    public void setLinks(List<LinkRow> links) { this.links = links; }
}
