package de.stadtretter.catalog.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.BinaryDocValuesField;
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
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.catalog.cases.domain.ProjectStatus;
import de.stadtretter.search.german.GermanAnalysis;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * How a published case becomes a Lucene document: the ranking fields, the sections (stored, and indexed with
 * offsets for the highlighter), the facet dimensions, the filter and sort values, and the summary that search
 * results show.
 */
public final class CaseDocuments {

    /** Indexed (to update and delete by it) and as doc values. */
    public static final String ID = "id";
    /** Doc values: the {@link SearchSummary}, what a hit shows, in its binary form. */
    public static final String SUMMARY = "summary";
    public static final String SUGGEST = "suggest";
    /** Doc values (for suggestions), and the name of the first section. */
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
     * Every token of the four ranking fields in one field, documents only: the cheap way to find all matches (for
     * the hit count and the facets); the ranking fields score only the best of them.
     */
    public static final String ALL_TEXT = "f_all";

    /**
     * The sections of the case in this order, shown as highlights: they are the values of the one field
     * {@link #SECTIONS}.
     */
    public static final List<String> HIGHLIGHTED = List.of(TITLE, TEASER, "problem", "objectives", "approach",
            "implementation", "resources", "results", LESSONS, "transferability");
    /**
     * The sections as the values of one field (every section, empty ones too, in the order of
     * {@link #HIGHLIGHTED}), stored and indexed with the offsets of their tokens, so that the highlighter reads
     * where a term stands from the postings instead of analysing the text again. Each section is analysed once;
     * its tokens go into this field, a ranking field and {@link #ALL_TEXT}.
     */
    public static final String SECTIONS = "sections";

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

    private static final FieldType TEXT = indexedOnly(IndexOptions.DOCS_AND_FREQS, false);
    /** Sections for the highlighter: where each term stands, no norms (they are not scored). */
    private static final FieldType OFFSETS = indexedOnly(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, true);
    /** Only which documents hold a term. */
    private static final FieldType MATCHING = indexedOnly(IndexOptions.DOCS, true);
    /** The prefixes of the title's words, for autocomplete: only whether a document has them. */
    private static final FieldType PREFIXES = indexedOnly(IndexOptions.DOCS, true);

    private final ReferenceData referenceData;
    private final FacetsConfig facets;
    private final List<FacetColumns.Dimension> dimensions;

    public CaseDocuments(ReferenceData referenceData) {
        this.referenceData = referenceData;
        this.facets = new FacetsConfig();
        facets.setMultiValued(DIM_TOPIC, true);
        this.dimensions = dimensions(referenceData);
    }

    public FacetsConfig facetsConfig() {
        return facets;
    }

    /** The facet dimensions and their values, as {@link FacetColumns} holds them. */
    public List<FacetColumns.Dimension> facetDimensions() {
        return dimensions;
    }

    private static List<FacetColumns.Dimension> dimensions(ReferenceData referenceData) {
        List<String> laender = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            referenceData.land("%02d".formatted(i)).ifPresent(l -> laender.add(l.code()));
        }
        return List.of(
                new FacetColumns.Dimension(DIM_TOPIC, referenceData.topics().stream().map(ReferenceData.Topic::id)
                        .toList()),
                new FacetColumns.Dimension(DIM_LAND, laender),
                new FacetColumns.Dimension(DIM_TOWN_TYPE, List.copyOf(referenceData.townTypes().keySet())),
                new FacetColumns.Dimension(DIM_PROJECT_STATUS, java.util.Arrays.stream(ProjectStatus.values())
                        .map(ProjectStatus::name).toList()));
    }

    /** The document of a published case. */
    public Document document(Case c) {
        CaseContent content = c.content();
        CaseContent.Sections s = content.sections();
        Place place = Place.of(c.ags(), referenceData);
        Document doc = new Document();
        doc.add(new StringField(ID, c.id().toString(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(c.id().toString())));
        doc.add(new BinaryDocValuesField(TITLE, new BytesRef(content.title())));
        doc.add(new BinaryDocValuesField(SUMMARY, SearchSummary.of(c, place).encode()));

        String topicLabels = String.join(", ", content.topics().stream()
                .map(t -> referenceData.topic(t).map(ReferenceData.Topic::labelDe).orElse(t)).toList());
        String placeNames = String.join(", ", nonNull(place.municipalityName(), place.districtName(),
                place.stateName()));
        // in the order of HIGHLIGHTED
        section(doc, F_TITLE, content.title());
        section(doc, F_LEAD, content.teaser());
        section(doc, F_BODY, s.problem());
        section(doc, F_BODY, s.objectives());
        section(doc, F_KEY, s.approach());
        section(doc, F_BODY, s.implementation());
        section(doc, F_BODY, s.resources());
        section(doc, F_BODY, s.results());
        section(doc, F_KEY, s.lessons());
        section(doc, F_BODY, s.transferability());
        index(doc, F_LEAD, String.join(", ", content.tags()), topicLabels, placeNames);
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

    /** The summary of the document {@code doc} (a top-level doc id of {@code reader}). */
    public SearchSummary summary(IndexReader reader, int doc) throws IOException {
        return SearchSummary.decode(binary(reader, SUMMARY, doc));
    }

    /**
     * A doc-values field ({@link #ID}, {@link #TITLE}, {@link #SUMMARY}) of a document: doc values need no
     * decompression of the stored sections.
     */
    public static BytesRef binary(IndexReader reader, String field, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Document " + doc + " has no " + field);
        }
        return values.binaryValue();
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
                TokenStream tokens = new CachingTokenFilter(GermanAnalysis.get().indexTokens(value));
                doc.add(new Field(field, tokens, TEXT));
                doc.add(new Field(ALL_TEXT, tokens, MATCHING));
            }
        }
    }

    /**
     * A section: a value of {@link #SECTIONS} (stored; empty if the case has none, so that the n-th value is always
     * the n-th section), analysed once and indexed in a ranking field, the matching field and {@link #SECTIONS}.
     */
    private static void section(Document doc, String rankingField, String value) {
        // the highlighter separates the values with U+0000: the text itself must not hold one
        String text = value == null ? "" : value.replace('\u0000', ' ');
        doc.add(new StoredField(SECTIONS, text));
        TokenStream tokens = new CachingTokenFilter(GermanAnalysis.get().indexTokens(text));
        doc.add(new Field(SECTIONS, tokens, OFFSETS));
        if (!text.isBlank()) {
            doc.add(new Field(rankingField, tokens, TEXT));
            doc.add(new Field(ALL_TEXT, tokens, MATCHING));
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

    /**
     * A tokenized field that is indexed, not stored. The ranking fields keep frequencies for BM25 but no positions:
     * the query never needs them (multi-word synonyms are conjunctions).
     */
    private static FieldType indexedOnly(IndexOptions options, boolean omitNorms) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(options);
        type.setOmitNorms(omitNorms);
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
