package de.stadtretter.search.german;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

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

/**
 * An in-memory Lucene index of items that a service keeps as a read model of its PostgreSQL tables (partner
 * directory, recommendations): the text with the catalogue's German analysis, each text in its ranking field and in
 * one field of all text ({@link #ALL}), topics as exact terms, and a slot per item kept as doc values so that a hit
 * leads to its item without reading stored fields. Rebuilt from PostgreSQL at every start.
 *
 * @param <T> the item
 */
public class SlotIndex<T> implements AutoCloseable {

    public static final String ID = "id";
    public static final String SLOT = "slot";
    public static final String TOPIC = "topic";
    /** Every text token of the item, without frequencies: what a concept is matched against. */
    public static final String ALL = "f_all";

    private static final FieldType RANKED = rankedType();
    private static final FieldType MATCHING = matchingType();

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Function<T, UUID> idOf;
    private final Map<UUID, T> items = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> slots = new ConcurrentHashMap<>();
    private volatile AtomicReferenceArray<T> bySlot = new AtomicReferenceArray<>(1024);
    private int nextSlot;

    public SlotIndex(Function<T, UUID> idOf) {
        this.idOf = idOf;
        try {
            IndexWriterConfig config = new IndexWriterConfig(GermanAnalysis.get().indexAnalyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setCommitOnClose(false);
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document of an item: {@link #text} for each field, {@link #topic} for each topic. */
    public interface Documents<T> {
        void fill(T item, Document doc);
    }

    /** Indexes an item (replacing what was there); visible after {@link #refresh()}. */
    public synchronized void put(T item, Documents<T> documents) {
        UUID id = idOf.apply(item);
        try {
            int slot = slots.computeIfAbsent(id, k -> nextSlot++);
            if (slot >= bySlot.length()) {
                AtomicReferenceArray<T> larger = new AtomicReferenceArray<>(bySlot.length() * 2);
                for (int i = 0; i < bySlot.length(); i++) {
                    larger.set(i, bySlot.get(i));
                }
                bySlot = larger;
            }
            bySlot.set(slot, item);
            Document doc = new Document();
            doc.add(new StringField(ID, id.toString(), Field.Store.NO));
            doc.add(new NumericDocValuesField(SLOT, slot));
            documents.fill(item, doc);
            writer.updateDocument(new Term(ID, id.toString()), doc);
            items.put(id, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void remove(UUID id) {
        try {
            writer.deleteDocuments(new Term(ID, id.toString()));
            items.remove(id);
            Integer slot = slots.get(id);
            if (slot != null) {
                bySlot.set(slot, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void clear() {
        try {
            writer.deleteAll();
            items.clear();
            slots.clear();
            bySlot = new AtomicReferenceArray<>(1024);
            nextSlot = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public T get(UUID id) {
        return items.get(id);
    }

    public T inSlot(long slot) {
        AtomicReferenceArray<T> current = bySlot;
        return slot < current.length() ? current.get((int) slot) : null;
    }

    /** Every indexed item. */
    public java.util.List<T> items() {
        return new java.util.ArrayList<>(items.values());
    }

    public int size() {
        return items.size();
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

    /** Text into its ranking field and into {@link #ALL}. */
    public static void text(Document doc, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        doc.add(new Field(field, text, RANKED));
        doc.add(new Field(ALL, text, MATCHING));
    }

    public static void topic(Document doc, String topic) {
        doc.add(new StringField(TOPIC, topic, Field.Store.NO));
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
