package de.stadtretter.catalog.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.kit.reference.ReferenceData;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a published case becomes a Lucene document: the text fields (stored, with offsets for the highlighter), the
 * facet dimensions, the filter and sort values, and the summary that search results show.
 */
public final class CaseDocuments {

    public static final String ID = "id";
    public static final String SUMMARY = "summary";
    public static final String SUGGEST = "suggest";
    public static final String TITLE = "title";
    public static final String TEASER = "teaser";
    public static final String LESSONS = "lessons";

    /**
     * The fields the ranking searches and their weights: title > teaser, tags, topics and place > lessons and
     * approach > the other sections. Indexed, not stored: four fields instead of one per section keep queries cheap.
     */
    public static final Map<String, Float> TEXT_FIELDS = textFields();
    static final String F_TITLE = "f_title";
    static final String F_LEAD = "f_lead";
    static final String F_KEY = "f_key";
    static final String F_BODY = "f_body";

    /**
     * The stored text of the case by section, shown as highlights (re-analysed for the page's hits only). Each
     * section is also part of one of the ranking fields.
     */
    public static final List<String> HIGHLIGHTED = List.of(TITLE, TEASER, "problem", "objectives", "approach",
            "implementation", "resources", "results", LESSONS, "transferability");

    public static final String DIM_TOPIC = "topic";
    public static final String DIM_LAND = "land";
    public static final String DIM_TOWN_TYPE = "townType";
    public static final String DIM_PROJECT_STATUS = "projectStatus";
    /** Points and doc values: the upper end of the budget in euros (the maximum, else the minimum). */
    public static final String BUDGET = "budget";
    /** Points: the start date as epoch day. */
    public static final String STARTED = "started";
    public static final String HAS_LESSONS = "hasLessons";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String HELPFUL = "helpful";

    private static final FieldType TEXT = textType();
    /** The prefixes of the title's words, for autocomplete: only whether a document has them. */
    private static final FieldType PREFIXES = prefixType();

    private final ReferenceData referenceData;
    private final JsonMapper json;
    private final FacetsConfig facets;

    public CaseDocuments(ReferenceData referenceData, JsonMapper json) {
        this.referenceData = referenceData;
        this.json = json;
        this.facets = new FacetsConfig();
        facets.setMultiValued(DIM_TOPIC, true);
    }

    public FacetsConfig facetsConfig() {
        return facets;
    }

    /** The document of a published case. */
    public Document document(Case c) {
        CaseContent content = c.content();
        CaseContent.Sections s = content.sections();
        Place place = Place.of(c.ags(), referenceData);
        Document doc = new Document();
        doc.add(new StringField(ID, c.id().toString(), Field.Store.YES));
        doc.add(new StoredField(SUMMARY, json.writeValueAsString(SearchSummary.of(c, place))));

        String topicLabels = String.join(", ", content.topics().stream()
                .map(t -> referenceData.topic(t).map(ReferenceData.Topic::labelDe).orElse(t)).toList());
        String placeNames = String.join(", ", nonNull(place.municipalityName(), place.districtName(),
                place.stateName()));
        index(doc, F_TITLE, content.title());
        index(doc, F_LEAD, content.teaser(), String.join(", ", content.tags()), topicLabels, placeNames);
        index(doc, F_KEY, s.lessons(), s.approach());
        index(doc, F_BODY, s.problem(), s.objectives(), s.implementation(), s.resources(), s.results(),
                s.transferability());
        store(doc, TITLE, content.title());
        store(doc, TEASER, content.teaser());
        store(doc, "problem", s.problem());
        store(doc, "objectives", s.objectives());
        store(doc, "approach", s.approach());
        store(doc, "implementation", s.implementation());
        store(doc, "resources", s.resources());
        store(doc, "results", s.results());
        store(doc, LESSONS, s.lessons());
        store(doc, "transferability", s.transferability());
        doc.add(new Field(SUGGEST, content.title(), PREFIXES));

        for (String topic : content.topics()) {
            doc.add(new SortedSetDocValuesFacetField(DIM_TOPIC, topic));
        }
        if (place.stateCode() != null) {
            doc.add(new SortedSetDocValuesFacetField(DIM_LAND, place.stateCode()));
        }
        if (place.townType() != null) {
            doc.add(new SortedSetDocValuesFacetField(DIM_TOWN_TYPE, place.townType()));
        }
        if (content.projectStatus() != null) {
            doc.add(new SortedSetDocValuesFacetField(DIM_PROJECT_STATUS, content.projectStatus().name()));
        }
        Long budget = budgetUpper(content.budget());
        if (budget != null) {
            doc.add(new LongPoint(BUDGET, budget));
            doc.add(new NumericDocValuesField(BUDGET, budget));
        }
        LocalDate start = content.startDate();
        if (start != null) {
            doc.add(new LongPoint(STARTED, start.toEpochDay()));
        }
        if (s.lessons() != null && !s.lessons().isBlank()) {
            doc.add(new StringField(HAS_LESSONS, "true", Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(PUBLISHED_AT,
                c.publishedAt() == null ? 0 : c.publishedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(HELPFUL, c.helpfulCount()));
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchSummary summary(Document doc) {
        return json.readValue(doc.get(SUMMARY), SearchSummary.class);
    }

    public static UUID id(Document doc) {
        return UUID.fromString(doc.get(ID));
    }

    /** The upper end of a budget: its maximum, else its minimum; null without one. */
    public static Long budgetUpper(CaseContent.Budget budget) {
        if (budget == null) {
            return null;
        }
        return budget.maxEur() != null ? budget.maxEur() : budget.minEur();
    }

    /** One value per text, so that positions do not run from one section into the next. */
    private static void index(Document doc, String field, String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                doc.add(new Field(field, value, TEXT));
            }
        }
    }

    private static void store(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
        }
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Frequencies for BM25, no positions: the query never needs them (multi-word synonyms are conjunctions). */
    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static FieldType prefixType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static Map<String, Float> textFields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(F_TITLE, 3.0f);
        fields.put(F_LEAD, 2.0f);
        fields.put(F_KEY, 1.5f);
        fields.put(F_BODY, 1.0f);
        return java.util.Collections.unmodifiableMap(fields);
    }
}
