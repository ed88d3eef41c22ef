package de.stadtretter.catalog.search.index;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseChanged;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.catalog.cases.domain.CaseStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the search index equal to PostgreSQL, the source of truth:
 * <ul>
 * <li>at start, before the service reports ready, the index is rebuilt from all published cases;</li>
 * <li>right after each commit on this replica, the changed case is indexed again ({@link CaseChanged});</li>
 * <li>every {@code poll-interval} (250 ms) each replica asks PostgreSQL for the cases stamped as changed (by a
 * trigger, on the database clock) within the last {@code lookback} and indexes those its index does not hold in
 * that state yet. So a change made on another replica is searchable here within the poll interval plus a few
 * milliseconds; the lookback covers transactions that commit later than they stamped.</li>
 * </ul>
 */
public class SearchIndexSync implements ApplicationRunner, Ordered, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSync.class);

    private final SearchIndex index;
    private final CaseRepository cases;
    private final Duration pollInterval;
    private final Duration lookback;
    private final Timer rebuildTimer;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("search-index-sync").daemon().factory());
    private volatile Instant polledUpTo;

    public SearchIndexSync(SearchIndex index, CaseRepository cases, Duration pollInterval, Duration lookback,
            MeterRegistry meters) {
        this.index = index;
        this.cases = cases;
        this.pollInterval = pollInterval;
        this.lookback = lookback;
        this.rebuildTimer = Timer.builder("stadtretter.search.rebuild")
                .description("Rebuilding the search index from PostgreSQL").register(meters);
    }

    /** After the demo catalogue (order 0), so that the first index holds it. */
    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Replaces the index with every published case; returns how many. */
    public int rebuild() {
        Instant start = cases.databaseNow();
        long t0 = System.nanoTime();
        index.rebuild(cases::forEachPublished);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        rebuildTimer.record(took);
        polledUpTo = start;
        log.info("Search index rebuilt: {} published cases in {} ms", index.size(), took.toMillis());
        // the rebuild needs several times the heap that searching does (analysis of every case, indexing buffers):
        // one full collection now lets the JVM give that memory back to the system (how much it keeps free is
        // -XX:MaxHeapFreeRatio, set where catalog-service is started)
        System.gc();
        return index.size();
    }

    /** After the commit of a change on this replica: the case as committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onCaseChanged(CaseChanged changed) {
        try {
            reindex(changed.id());
        } catch (RuntimeException e) {
            // the next poll picks the change up
            log.warn("Could not index case {} after its commit: {}", changed.id(), e.toString());
        }
    }

    /** Indexes the committed state of one case (or removes it from the index) and makes it searchable. */
    public void reindex(UUID id) {
        Case c = cases.findById(id).orElse(null);
        if (c == null || c.status() != CaseStatus.PUBLISHED) {
            index.remove(id);
        } else {
            index.put(c);
        }
        index.refresh();
    }

    /** One poll: indexes what changed since the last one (minus the lookback); returns how many cases. */
    public int poll() {
        Instant now = cases.databaseNow();
        Instant since = polledUpTo == null ? now.minus(lookback) : polledUpTo.minus(lookback);
        int changed = 0;
        for (CaseRepository.Change change : cases.changedSince(since)) {
            if (change.status() == CaseStatus.PUBLISHED) {
                if (!index.holds(change.id(), change.version(), change.helpfulCount())) {
                    cases.findById(change.id()).ifPresent(index::put);
                    changed++;
                }
            } else if (index.contains(change.id())) {
                index.remove(change.id());
                changed++;
            }
        }
        if (changed > 0) {
            index.refresh();
        }
        polledUpTo = now;
        return changed;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Search index poll failed, trying again in {} ms: {}", pollInterval.toMillis(), e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
