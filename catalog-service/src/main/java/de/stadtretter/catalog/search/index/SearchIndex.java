package de.stadtretter.catalog.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseStatus;
import de.stadtretter.search.german.GermanAnalysis;

/**
 * The Lucene index of the published cases: a read model of PostgreSQL, kept in a directory of its own (memory-mapped,
 * deleted at shutdown) and rebuilt at every start. Writes go through one {@link IndexWriter}; readers get
 * near-real-time searchers from a {@link SearcherManager}, each with the {@link FacetColumns} of its segments.
 */
public class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final CaseDocuments documents;
    private final Path path;
    private final boolean deleteOnClose;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Version and helpful count of every indexed case, so that a change already indexed is not indexed again. */
    private final Map<UUID, Stamp> stamps = new ConcurrentHashMap<>();
    /** How many indexed cases each municipality has (for place suggestions). */
    private final Map<String, Integer> casesPerPlace = new ConcurrentHashMap<>();
    /** The facet columns of each segment (by its core: deletions do not change them), until it is closed. */
    private final Map<IndexReader.CacheKey, FacetColumns> columns = new ConcurrentHashMap<>();
    private final int parallelFromDocs;
    private final ExecutorService searchThreads = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("search-", 1).daemon().factory());
    /** Counts the changes of {@link #casesPerPlace}, so that readers can tell whether what they derived is stale. */
    private final AtomicLong placesVersion = new AtomicLong();

    /** What the index holds of one case. */
    public record Stamp(long version, long helpfulCount, String ags) {
        public static Stamp of(Case c) {
            return new Stamp(c.version(), c.helpfulCount(), c.ags());
        }
    }

    /** One search thread per core, shared by all searches (see {@link CaseSearcher}); as many for the rebuild. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Below this many cases a search runs on one thread: handing work to another costs more than it saves. */
    public static final int PARALLEL_FROM_DOCS = 20_000;

    /**
     * A searcher with the {@link FacetColumns} of each segment of its reader. A large index is searched in as many
     * slices as there are cores, a large segment split into partitions of equal size (Lucene's intra-segment
     * concurrency); the caller's thread works on them too, so a busy pool slows a search down but never blocks it.
     */
    public static final class CaseSearcher extends IndexSearcher {
        private final FacetColumns[] columns;
        private final int parallelFromDocs;

        CaseSearcher(IndexReader reader, FacetColumns[] columns, Executor threads, int parallelFromDocs) {
            super(reader, threads);
            this.columns = columns;
            this.parallelFromDocs = parallelFromDocs;
        }

        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            long docs = leaves.stream().mapToLong(leaf -> leaf.reader().maxDoc()).sum();
            if (docs < parallelFromDocs) {
                return slices(leaves, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
            }
            int perSlice = (int) Math.ceil((double) docs / THREADS);
            return slices(leaves, perSlice, Integer.MAX_VALUE, true);
        }

        /** The facet values of the documents of {@code segment}. */
        public FacetColumns columns(LeafReaderContext segment) {
            return columns[segment.ord];
        }

        /** Whether the index holds no case at all. */
        public boolean isEmpty() {
            return getIndexReader().numDocs() == 0;
        }
    }

    /**
     * @param path where the index lives; null for a new temporary directory, deleted on close
     */
    public SearchIndex(CaseDocuments documents, Path path) {
        this(documents, path, PARALLEL_FROM_DOCS);
    }

    /** @param parallelFromDocs from how many documents on a search runs on all cores (tests use small indexes) */
    public SearchIndex(CaseDocuments documents, Path path, int parallelFromDocs) {
        this.documents = documents;
        this.parallelFromDocs = parallelFromDocs;
        try {
            this.deleteOnClose = path == null;
            this.path = path == null ? Files.createTempDirectory("catalog-search-") : Files.createDirectories(path);
            this.directory = new MMapDirectory(this.path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(48);
            config.setCommitOnClose(false);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    return new CaseSearcher(reader, columns(reader), searchThreads, parallelFromDocs);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of each segment of {@code reader}: read for segments new to it, the others remembered. */
    private FacetColumns[] columns(IndexReader reader) throws IOException {
        FacetColumns[] out = new FacetColumns[reader.leaves().size()];
        for (LeafReaderContext leaf : reader.leaves()) {
            IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
            FacetColumns known = core == null ? null : columns.get(core.getKey());
            if (known == null) {
                known = FacetColumns.read(leaf.reader(), documents.facetDimensions());
                if (core != null) {
                    columns.put(core.getKey(), known);
                    core.addClosedListener(columns::remove);
                }
            }
            out[leaf.ord] = known;
        }
        return out;
    }

    public CaseDocuments documents() {
        return documents;
    }

    /** Indexes {@code c} if it is published, removes it otherwise; visible after the next {@link #refresh()}. */
    public synchronized void put(Case c) {
        index(c);
    }

    private void index(Case c) {
        try {
            Term id = new Term(CaseDocuments.ID, c.id().toString());
            if (c.status() == CaseStatus.PUBLISHED) {
                writer.updateDocument(id, documents.document(c));
                forget(stamps.put(c.id(), Stamp.of(c)));
                casesPerPlace.merge(c.ags(), 1, Integer::sum);
                placesVersion.incrementAndGet();
            } else {
                remove(c.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void remove(UUID id) {
        try {
            writer.deleteDocuments(new Term(CaseDocuments.ID, id.toString()));
            forget(stamps.remove(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forget(Stamp previous) {
        if (previous != null) {
            casesPerPlace.computeIfPresent(previous.ags(), (ags, n) -> n <= 1 ? null : n - 1);
            placesVersion.incrementAndGet();
        }
    }

    /** Whether the index holds exactly this state of the case (published with this version and count). */
    public boolean holds(UUID id, long version, long helpfulCount) {
        Stamp held = stamps.get(id);
        return held != null && held.version() == version && held.helpfulCount() == helpfulCount;
    }

    /** The municipalities (AGS) with indexed cases and how many each has. */
    public Map<String, Integer> casesPerPlace() {
        return Map.copyOf(casesPerPlace);
    }

    /** Changes whenever {@link #casesPerPlace()} would return something else. */
    public long placesVersion() {
        return placesVersion.get();
    }

    public boolean contains(UUID id) {
        return stamps.containsKey(id);
    }

    /** Replaces the whole index with the cases {@code source} hands over, then refreshes. */
    public synchronized void rebuild(Consumer<Consumer<Case>> source) {
        // the analysis (decompounding above all) is the expensive part: one indexing thread per core, fed by the
        // caller's thread reading the cases; IndexWriter takes documents from several threads at once
        ExecutorService workers = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("search-rebuild-", 1).daemon().factory());
        Semaphore inFlight = new Semaphore(THREADS * 64);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            writer.deleteAll();
            stamps.clear();
            casesPerPlace.clear();
            placesVersion.incrementAndGet();
            source.accept(c -> {
                inFlight.acquireUninterruptibly();
                workers.execute(() -> {
                    try {
                        index(c);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            });
            workers.shutdown();
            if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Rebuilding the search index did not finish in 30 minutes");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            // one segment: every query then looks each term up once, facet ordinals need no mapping between
            // segments (measured: p50 and p95 about a third lower at 100k cases, for about 7 s more)
            writer.forceMerge(1);
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the search index", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Makes every change so far visible to new searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} on the current searcher (released afterwards). */
    public <T> T withSearcher(SearchWork<T> work) {
        try {
            CaseSearcher searcher = (CaseSearcher) searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface SearchWork<T> {
        T run(CaseSearcher searcher) throws IOException;
    }

    public int size() {
        return stamps.size();
    }

    private static Analyzer analyzer() {
        GermanAnalysis analysis = GermanAnalysis.get();
        return new PerFieldAnalyzerWrapper(analysis.indexAnalyzer(),
                Map.of(CaseDocuments.SUGGEST, analysis.prefixAnalyzer()));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            searchThreads.shutdownNow();
            writer.rollback();
            directory.close();
            if (deleteOnClose) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            log.warn("Could not close the search index in {}: {}", path, e.toString());
        }
    }
}
