package de.stadtretter.matching.recommendations.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

import de.stadtretter.matching.cases.domain.CaseProfiles;
import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.partners.domain.PartnerProfiles;
import de.stadtretter.matching.partners.domain.PartnerText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the recommendation indexes equal to PostgreSQL: rebuilt from every case and partner profile at start
 * (before the service reports ready), then every {@code poll-interval} each replica asks for the profiles changed
 * ({@code changed_at}, database clock) or removed ({@code recommendable_removed}) within the last {@code lookback}
 * and indexes them anew; the cases and partners that changed are then handed to the listener (the match watcher).
 */
public class RecommendationSync implements ApplicationRunner, Ordered, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecommendationSync.class);

    private final RecommendationIndexes indexes;
    private final CaseProfiles cases;
    private final PartnerProfiles partners;
    private final Duration pollInterval;
    private final Duration lookback;
    private final Timer rebuildTimer;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("recommendation-sync").daemon().factory());
    private volatile Instant polledUpTo;
    private final Map<UUID, Instant> seen = new HashMap<>();
    private volatile BiConsumer<Set<UUID>, Set<UUID>> onChange = (c, p) -> {};

    public RecommendationSync(RecommendationIndexes indexes, CaseProfiles cases, PartnerProfiles partners,
            Duration pollInterval, Duration lookback, MeterRegistry meters) {
        this.indexes = indexes;
        this.cases = cases;
        this.partners = partners;
        this.pollInterval = pollInterval;
        this.lookback = lookback;
        this.rebuildTimer = Timer.builder("stadtretter.matching.index.rebuild")
                .description("Rebuilding the recommendation indexes from PostgreSQL").register(meters);
    }

    /** Who hears of the cases and partners (ids) that changed after the index holds them. */
    public void onChange(BiConsumer<Set<UUID>, Set<UUID>> listener) {
        this.onChange = listener;
    }

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

    /** Replaces both indexes with every profile; returns how many cases and partners. */
    public synchronized int[] rebuild() {
        Instant start = cases.databaseNow();
        long t0 = System.nanoTime();
        indexes.cases().clear();
        indexes.partners().clear();
        cases.forEachText(indexes::putCase);
        indexes.cases().refresh();
        partners.forEachText(indexes::putPartner);
        indexes.partners().refresh();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        rebuildTimer.record(took);
        polledUpTo = start;
        log.info("Recommendation indexes rebuilt: {} cases, {} partners in {} ms", indexes.cases().size(),
                indexes.partners().size(), took.toMillis());
        return new int[] {indexes.cases().size(), indexes.partners().size()};
    }

    /** Indexes what changed since the last poll (minus the lookback); visible at once. */
    public synchronized void poll() {
        Instant now = cases.databaseNow();
        Instant since = polledUpTo.minus(lookback);
        List<UUID> changedCases = fresh(cases.changedSince(since));
        List<UUID> changedPartners = fresh(partners.changedSince(since));
        if (!changedCases.isEmpty()) {
            Map<UUID, CaseText> texts = cases.texts(changedCases);
            for (UUID id : changedCases) {
                CaseText t = texts.get(id);
                if (t == null) {
                    indexes.cases().remove(id);
                } else {
                    indexes.putCase(t);
                }
            }
            indexes.cases().refresh();
        }
        if (!changedPartners.isEmpty()) {
            Map<UUID, PartnerText> texts = partners.texts(changedPartners);
            for (UUID id : changedPartners) {
                PartnerText t = texts.get(id);
                if (t == null) {
                    indexes.partners().remove(id);
                } else {
                    indexes.putPartner(t);
                }
            }
            indexes.partners().refresh();
        }
        seen.values().removeIf(at -> at.isBefore(now.minus(lookback.multipliedBy(2))));
        polledUpTo = now;
        if (!changedCases.isEmpty() || !changedPartners.isEmpty()) {
            onChange.accept(Set.copyOf(changedCases), Set.copyOf(changedPartners));
        }
    }

    private List<UUID> fresh(Map<UUID, Instant> changes) {
        List<UUID> out = new ArrayList<>();
        for (Map.Entry<UUID, Instant> change : changes.entrySet()) {
            if (!change.getValue().equals(seen.get(change.getKey()))) {
                seen.put(change.getKey(), change.getValue());
                out.add(change.getKey());
            }
        }
        return out;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Polling for changed case and partner profiles failed; trying again in {} ms",
                    pollInterval.toMillis(), e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
