package de.stadtretter.partner.directory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.search.german.GermanAnalysis;

/**
 * The partner directory's index: a read model of PostgreSQL, in memory (ten thousand profiles are a few megabytes),
 * rebuilt at every start. Lucene holds the text (name, offerings, description, the titles and roles of the
 * evidence) with the German analysis of the catalogue search; the entries beside it hold what filters, facets and
 * the evidence score need.
 */
public class DirectoryIndex implements AutoCloseable {

    public static final String ID = "id";
    public static final String SLOT = "slot";
    public static final String NAME = "f_name";
    public static final String OFFERINGS = "f_offerings";
    public static final String DESCRIPTION = "f_description";
    public static final String EVIDENCE = "f_evidence";
    public static final String ALL_TEXT = "f_all";

    /** The ranking fields and their weights: the name says most, then what the company offers. */
    public static final Map<String, Float> TEXT_FIELDS = Map.of(NAME, 3.0f, OFFERINGS, 1.5f, DESCRIPTION, 1.0f,
            EVIDENCE, 0.8f);

    private static final FieldType RANKED = rankedType();
    private static final FieldType MATCHING = matchingType();

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<UUID, DirectoryEntry> entries = new ConcurrentHashMap<>();
    /** Each indexed profile has a slot, kept in the index as doc values: a hit leads to its entry without parsing. */
    private final Map<UUID, Integer> slots = new ConcurrentHashMap<>();
    private volatile AtomicReferenceArray<DirectoryEntry> bySlot = new AtomicReferenceArray<>(1024);
    private int nextSlot;

    public DirectoryIndex() {
        try {
            IndexWriterConfig config = new IndexWriterConfig(GermanAnalysis.get().indexAnalyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes a verified profile with its evidence (replacing what was there); visible after {@link #refresh()}. */
    public synchronized void put(Partner partner, DirectoryEntry entry) {
        try {
            int slot = slots.computeIfAbsent(partner.id(), id -> nextSlot++);
            if (slot >= bySlot.length()) {
                AtomicReferenceArray<DirectoryEntry> larger = new AtomicReferenceArray<>(bySlot.length() * 2);
                for (int i = 0; i < bySlot.length(); i++) {
                    larger.set(i, bySlot.get(i));
                }
                bySlot = larger;
            }
            bySlot.set(slot, entry);
            writer.updateDocument(new Term(ID, partner.id().toString()), document(partner, entry, slot));
            entries.put(partner.id(), entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a profile that is no longer public (or no longer there). */
    public synchronized void remove(UUID id) {
        try {
            writer.deleteDocuments(new Term(ID, id.toString()));
            entries.remove(id);
            Integer slot = slots.get(id);
            if (slot != null) {
                bySlot.set(slot, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index, for a rebuild. */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            entries.clear();
            slots.clear();
            bySlot = new AtomicReferenceArray<>(1024);
            nextSlot = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DirectoryEntry entry(UUID id) {
        return entries.get(id);
    }

    /** The entry in {@code slot} (doc values {@value #SLOT}), or null when it was removed meanwhile. */
    public DirectoryEntry entryInSlot(int slot) {
        AtomicReferenceArray<DirectoryEntry> current = bySlot;
        return slot < current.length() ? current.get(slot) : null;
    }

    /** Every indexed profile, for searches without words. */
    public List<DirectoryEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    public int size() {
        return entries.size();
    }

    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Partner partner, DirectoryEntry entry, int slot) {
        Document doc = new Document();
        doc.add(new StringField(ID, partner.id().toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField(SLOT, slot));
        StringBuilder evidence = new StringBuilder();
        for (DirectoryEntry.Evidence e : entry.evidence()) {
            evidence.append(e.title() == null ? "" : e.title()).append('\n').append(e.role()).append('\n');
        }
        text(doc, NAME, partner.profile().name());
        text(doc, OFFERINGS, DirectoryEntry.offeringsText(partner.offerings()));
        text(doc, DESCRIPTION, partner.profile().description());
        text(doc, EVIDENCE, evidence.toString());
        return doc;
    }

    /** The text into its ranking field and, for the cheap matching query, into the field of all text. */
    private static void text(Document doc, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        doc.add(new Field(field, text, RANKED));
        doc.add(new Field(ALL_TEXT, text, MATCHING));
    }

    private static FieldType rankedType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static FieldType matchingType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
