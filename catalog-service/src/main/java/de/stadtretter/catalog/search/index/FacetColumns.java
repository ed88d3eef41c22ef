package de.stadtretter.catalog.search.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet values of every document of one segment, in memory: per dimension a bit mask of the document's values
 * (bit i = the i-th value of the dimension's vocabulary), and the budget. Read once per segment from the facet doc
 * values ({@link FacetsConfig}'s sorted-set field) when a searcher first sees the segment, so that a search counts
 * all facets, drill sideways included, in one pass over its matches with a few array reads per match.
 * <p>
 * About 40 bytes per case: 4 MB at 100,000 cases.
 */
public final class FacetColumns {

    /** A facet dimension and the values it can take, in a fixed order (at most 64). */
    public record Dimension(String name, List<String> values) {
        public Dimension {
            values = List.copyOf(values);
            if (values.size() > Long.SIZE) {
                throw new IllegalArgumentException("At most 64 values per facet dimension, " + name + " has "
                        + values.size());
            }
        }

        /** The bit of {@code value}, 0 if the dimension does not know it. */
        public long bit(String value) {
            int i = values.indexOf(value);
            return i < 0 ? 0 : 1L << i;
        }
    }

    /** Budget of a document without one. */
    public static final long NO_BUDGET = -1;

    private final long[][] masks;
    private final long[] budgets;

    private FacetColumns(long[][] masks, long[] budgets) {
        this.masks = masks;
        this.budgets = budgets;
    }

    /** The bit mask of the values of dimension {@code dim} (index into the dimensions read) of {@code doc}. */
    public long mask(int dim, int doc) {
        return masks[dim][doc];
    }

    /** The budget of {@code doc} ({@link CaseDocuments#BUDGET}), {@link #NO_BUDGET} if it has none. */
    public long budget(int doc) {
        return budgets[doc];
    }

    /** Reads the columns of {@code dimensions} and the budget of every document of {@code segment}. */
    public static FacetColumns read(LeafReader segment, List<Dimension> dimensions) throws IOException {
        int maxDoc = segment.maxDoc();
        long[][] masks = new long[dimensions.size()][maxDoc];
        SortedSetDocValues facets = DocValues.getSortedSet(segment, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        // the segment's ordinals → dimension and bit, looked up once per value, not per document
        int values = (int) facets.getValueCount();
        int[] dimOf = new int[values];
        long[] bitOf = new long[values];
        Map<String, Integer> dimIndex = new HashMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            dimIndex.put(dimensions.get(d).name(), d);
        }
        for (int ord = 0; ord < values; ord++) {
            String[] path = FacetsConfig.stringToPath(facets.lookupOrd(ord).utf8ToString());
            Integer d = path.length == 2 ? dimIndex.get(path[0]) : null;
            dimOf[ord] = d == null ? -1 : d;
            bitOf[ord] = d == null ? 0 : dimensions.get(d).bit(path[1]);
        }
        for (int doc = facets.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = facets.nextDoc()) {
            for (int i = 0, n = facets.docValueCount(); i < n; i++) {
                int ord = (int) facets.nextOrd();
                if (dimOf[ord] >= 0) {
                    masks[dimOf[ord]][doc] |= bitOf[ord];
                }
            }
        }
        long[] budgets = new long[maxDoc];
        Arrays.fill(budgets, NO_BUDGET);
        NumericDocValues budget = DocValues.getNumeric(segment, CaseDocuments.BUDGET);
        for (int doc = budget.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = budget.nextDoc()) {
            budgets[doc] = budget.longValue();
        }
        return new FacetColumns(masks, budgets);
    }
}
