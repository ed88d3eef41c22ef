package de.stadtretter.catalog.search.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed in small blocks. The stored fields hold only the sections,
 * and a search reads them for the 20 or so hits it highlights, each from somewhere else in the index: Lucene's
 * default blocks of 80 KB make each such read decompress a dozen cases to get one; blocks of 8 KB (with the same
 * LZ4 and preset dictionary) decompress about one, for a somewhat larger file. Registered for Lucene's SPI
 * ({@code META-INF/services/org.apache.lucene.codecs.Codec}) under {@link #NAME}, so that the index opens again.
 */
public final class CaseCodec extends FilterCodec {

    public static final String NAME = "StadtretterCases103";

    private static final int BLOCK_BYTES = 8 * 1024;
    private static final int MAX_DOCS_PER_BLOCK = 128;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "StadtretterCasesStoredFields", Lucene90StoredFieldsFormat.BEST_SPEED_MODE, BLOCK_BYTES,
            MAX_DOCS_PER_BLOCK, 10);

    public CaseCodec() {
        super(NAME, new Lucene103Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
