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
    public static final String TAGS = "tags";
    public static final String TOPICS = "topics";
    public static final String PLACE = "place";
    public static final String LESSONS = "lessons";

    /** The text fields and their weight in the ranking: title > teaser > lessons/approach > the rest. */
    public static final Map<String, Float> TEXT_FIELDS = textFields();

    /** The fields whose matches are shown as highlights (the text sections of the case). */
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

        text(doc, TITLE, content.title());
        text(doc, TEASER, content.teaser());
        text(doc, TAGS, String.join(", ", content.tags()));
        text(doc, TOPICS, String.join(", ", content.topics().stream()
                .map(t -> referenceData.topic(t).map(ReferenceData.Topic::labelDe).orElse(t)).toList()));
        text(doc, PLACE, String.join(", ", nonNull(place.municipalityName(), place.districtName(),
                place.stateName())));
        text(doc, "problem", s.problem());
        text(doc, "objectives", s.objectives());
        text(doc, "approach", s.approach());
        text(doc, "implementation", s.implementation());
        text(doc, "resources", s.resources());
        text(doc, "results", s.results());
        text(doc, LESSONS, s.lessons());
        text(doc, "transferability", s.transferability());
        doc.add(new TextField(SUGGEST, content.title(), Field.Store.NO));

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

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new Field(field, value, TEXT));
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

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Map<String, Float> textFields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(TITLE, 3.0f);
        fields.put(TEASER, 2.0f);
        fields.put(TAGS, 2.0f);
        fields.put(TOPICS, 1.2f);
        fields.put(PLACE, 1.5f);
        fields.put(LESSONS, 1.5f);
        fields.put("approach", 1.4f);
        fields.put("problem", 1.0f);
        fields.put("objectives", 1.0f);
        fields.put("implementation", 1.0f);
        fields.put("results", 1.0f);
        fields.put("resources", 0.8f);
        fields.put("transferability", 0.8f);
        return java.util.Collections.unmodifiableMap(fields);
    }
}
