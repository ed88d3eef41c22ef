package de.stadtretter.partner.directory.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

import de.stadtretter.partner.directory.query.EvidenceScore;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerRepository;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.domain.ReferenceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the directory index equal to PostgreSQL, the source of truth: rebuilt from every verified profile at start
 * (before the service reports ready), then every {@code poll-interval} each replica asks PostgreSQL for the
 * profiles stamped as changed ({@code partner.changed_at}, on the database clock) or deleted
 * ({@code partner_removed}) within the last {@code lookback}, and indexes them anew. So a change on any replica is in
 * every replica's directory within the poll interval; the lookback covers transactions that commit later than they
 * stamped.
 */
public class DirectorySync implements ApplicationRunner, Ordered, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final DirectoryIndex index;
    private final PartnerRepository partners;
    private final ReferenceRepository references;
    private final Duration pollInterval;
    private final Duration lookback;
    private final Timer rebuildTimer;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("partner-directory-sync").daemon().factory());
    private volatile Instant polledUpTo;
    /** The change times already indexed within the lookback, so that one change is indexed once. */
    private final Map<UUID, Instant> seen = new HashMap<>();

    public DirectorySync(DirectoryIndex index, PartnerRepository partners, ReferenceRepository references,
            Duration pollInterval, Duration lookback, MeterRegistry meters) {
        this.index = index;
        this.partners = partners;
        this.references = references;
        this.pollInterval = pollInterval;
        this.lookback = lookback;
        this.rebuildTimer = Timer.builder("stadtretter.partner.directory.rebuild")
                .description("Rebuilding the partner directory index from PostgreSQL").register(meters);
    }

    /** After the demo partners (order 0), so that the first index holds them. */
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

    /** Replaces the index with every verified profile; returns how many. */
    public synchronized int rebuild() {
        Instant start = partners.databaseNow();
        long t0 = System.nanoTime();
        index.clear();
        List<Partner> batch = new ArrayList<>();
        partners.forEachVerified(null, partner -> {
            batch.add(partner);
            if (batch.size() == 1_000) {
                indexAll(batch);
                batch.clear();
            }
        });
        indexAll(batch);
        index.refresh();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        rebuildTimer.record(took);
        polledUpTo = start;
        log.info("Partner directory rebuilt: {} verified profiles in {} ms", index.size(), took.toMillis());
        return index.size();
    }

    private void indexAll(List<Partner> batch) {
        Map<UUID, List<Reference>> evidence = references.confirmedOf(batch.stream().map(Partner::id).toList());
        for (Partner p : batch) {
            index.put(p, DirectoryEntry.of(p, evidence.getOrDefault(p.id(), List.of()), Instant.now(),
                    EvidenceScore.HALF_LIFE_YEARS));
        }
    }

    /** Indexes the profiles changed or deleted since the last poll (minus the lookback); visible at once. */
    public synchronized void poll() {
        Instant now = partners.databaseNow();
        List<Partner> verified = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<UUID, Instant> change : partners.changedSince(polledUpTo.minus(lookback)).entrySet()) {
            UUID id = change.getKey();
            if (change.getValue().equals(seen.get(id))) {
                continue;
            }
            seen.put(id, change.getValue());
            any = true;
            partners.find(id).filter(Partner::isPublic).ifPresentOrElse(verified::add, () -> index.remove(id));
        }
        indexAll(verified);
        if (any) {
            index.refresh();
        }
        seen.values().removeIf(at -> at.isBefore(now.minus(lookback.multipliedBy(2))));
        polledUpTo = now;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Polling for changed partner profiles failed; trying again in {} ms", pollInterval.toMillis(), e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
