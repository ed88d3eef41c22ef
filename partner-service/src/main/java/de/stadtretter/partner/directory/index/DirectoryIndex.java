package de.stadtretter.partner.directory.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;

import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.search.german.SlotIndex;

/**
 * The partner directory's index: a read model of PostgreSQL, in memory (ten thousand profiles are a few megabytes),
 * rebuilt at every start. Lucene holds the text (name, offerings, description, the titles and roles of the
 * evidence) with the German analysis of the catalogue search; the entries beside it hold what filters, facets and
 * the evidence score need.
 */
public class DirectoryIndex implements AutoCloseable {

    public static final String ID = SlotIndex.ID;
    public static final String SLOT = SlotIndex.SLOT;
    public static final String NAME = "f_name";
    public static final String OFFERINGS = "f_offerings";
    public static final String DESCRIPTION = "f_description";
    public static final String EVIDENCE = "f_evidence";
    public static final String ALL_TEXT = SlotIndex.ALL;

    /** The ranking fields and their weights: the name says most, then what the company offers. */
    public static final Map<String, Float> TEXT_FIELDS = Map.of(NAME, 3.0f, OFFERINGS, 1.5f, DESCRIPTION, 1.0f,
            EVIDENCE, 0.8f);

    private final SlotIndex<DirectoryEntry> index = new SlotIndex<>(DirectoryEntry::id);

    /** Indexes a verified profile with its evidence (replacing what was there); visible after {@link #refresh()}. */
    public void put(Partner partner, DirectoryEntry entry) {
        index.put(entry, (e, doc) -> fill(partner, e, doc));
    }

    /** Drops a profile that is no longer public (or no longer there). */
    public void remove(UUID id) {
        index.remove(id);
    }

    /** Empties the index, for a rebuild. */
    public void clear() {
        index.clear();
    }

    /** Makes the changes so far visible to searches. */
    public void refresh() {
        index.refresh();
    }

    public DirectoryEntry entry(UUID id) {
        return index.get(id);
    }

    /** The entry in {@code slot} (doc values {@value #SLOT}), or null when it was removed meanwhile. */
    public DirectoryEntry entryInSlot(int slot) {
        return index.inSlot(slot);
    }

    /** Every indexed profile, for searches without words. */
    public List<DirectoryEntry> entries() {
        return index.items();
    }

    public int size() {
        return index.size();
    }

    public IndexSearcher acquire() {
        return index.acquire();
    }

    public void release(IndexSearcher searcher) {
        index.release(searcher);
    }

    private static void fill(Partner partner, DirectoryEntry entry, Document doc) {
        StringBuilder evidence = new StringBuilder();
        for (DirectoryEntry.Evidence e : entry.evidence()) {
            evidence.append(e.title() == null ? "" : e.title()).append('\n').append(e.role()).append('\n');
        }
        SlotIndex.text(doc, NAME, partner.profile().name());
        SlotIndex.text(doc, OFFERINGS, DirectoryEntry.offeringsText(partner.offerings()));
        SlotIndex.text(doc, DESCRIPTION, partner.profile().description());
        SlotIndex.text(doc, EVIDENCE, evidence.toString());
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
