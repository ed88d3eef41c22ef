package de.stadtretter.notification.digests.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.digests.delivery.DigestComposer;
import de.stadtretter.notification.digests.delivery.DigestMailDispatcher;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.DigestItems;
import de.stadtretter.notification.digests.items.DigestItems.Candidate;
import de.stadtretter.notification.digests.runs.DigestRuns.Planned;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A digest run: for every confirmed, unpaused subscriber of one frequency, the new items they want and have not had
 * go into one mail (at most {@code max-items}, newest first; nothing new, no mail). Subscribers are streamed in
 * batches by id, each batch in one transaction that claims the items in {@code sent_item}, queues the mails and
 * moves the run's cursor: a run that is cut off goes on from its cursor, and nobody gets an item twice. The mails
 * are sent by {@link DigestMailDispatcher}.
 */
@Service
public class DigestRunner {

    public static final String RUN_TIMER = "stadtretter.digests.run";
    public static final String RUN_MAILS = "stadtretter.digests.run.mails";

    /** Late commits of item events are caught by this much overlap with the previous run. */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    /** A run that did no batch for this long is taken to be left over by an instance that died. */
    static final Duration QUIET = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(DigestRunner.class);

    /** What a run did. */
    public record Result(UUID runId, Frequency frequency, Instant slot, int items, int mails, Duration took) {}

    private final DigestRuns runs;
    private final DigestItems items;
    private final TransactionTemplate tx;
    private final DigestMailDispatcher dispatcher;
    private final NotificationProperties.Digest settings;
    private final MeterRegistry meters;
    private final Mailer mailer;

    public DigestRunner(DigestRuns runs, DigestItems items, TransactionTemplate tx, DigestMailDispatcher dispatcher,
            NotificationProperties properties, MeterRegistry meters, Mailer mailer) {
        this.runs = runs;
        this.items = items;
        this.tx = tx;
        this.dispatcher = dispatcher;
        this.settings = properties.digest();
        this.meters = meters;
        this.mailer = mailer;
    }

    /** Runs (or goes on with) the digest of {@code frequency} for {@code slot}. */
    public Result run(Frequency frequency, Instant slot) {
        return go(start(frequency, slot));
    }

    /** Records the run of {@code frequency} for {@code slot} (or finds it) without doing it yet. */
    public DigestRun start(Frequency frequency, Instant slot) {
        return tx.execute(status -> runs.startOrFind(frequency, slot, settings.lookback(), OVERLAP));
    }

    /** Does (or goes on with) a run recorded by {@link #start}. */
    public Result finish(DigestRun run) {
        return go(run);
    }

    /** The run as it is now. */
    public java.util.Optional<DigestRun> find(UUID runId) {
        return runs.find(runId);
    }

    /** Finishes the runs an instance left unfinished (it died or was stopped during the run). */
    public List<Result> resumeUnfinished() {
        List<Result> results = new ArrayList<>();
        for (DigestRun run : runs.unfinished(QUIET)) {
            log.info("Resuming the {} digest run of {} after subscriber {}", run.frequency(), run.slot(), run.cursor());
            results.add(go(run));
        }
        return results;
    }

    private Result go(DigestRun run) {
        long started = System.nanoTime();
        if (run.finishedAt() != null) {
            return new Result(run.id(), run.frequency(), run.slot(), 0, 0, Duration.ZERO);
        }
        List<Candidate> candidates = items.receivedBetween(run.since(), run.slot());
        List<UUID> candidateIds = candidates.stream().map(c -> c.item().id()).distinct().toList();
        CandidateIndex index = new CandidateIndex(candidates);
        int queued = 0;
        if (!candidates.isEmpty()) {
            while (true) {
                // one batch per transaction, under the run's row lock, from the cursor as it is now
                Integer inBatch = tx.execute(status -> runs.lockForBatch(run.id()).map(current -> {
                    List<Subscriber> batch = runs.subscribers(run.frequency(), current.cursor(), settings.batchSize());
                    if (batch.isEmpty()) {
                        return -1;
                    }
                    return runs.queue(current, plan(batch, index, candidateIds), batch.getLast().id());
                }).orElse(-1));
                if (inBatch == null || inBatch < 0) {
                    break;
                }
                mailer.countQueued(DigestComposer.KIND, inBatch);
                queued += inBatch;
                dispatcher.wakeUp();
            }
        }
        tx.executeWithoutResult(status -> runs.finish(run.id()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Timer.builder(RUN_TIMER).tag("frequency", run.frequency().name()).register(meters).record(took);
        DistributionSummary.builder(RUN_MAILS).tag("frequency", run.frequency().name()).register(meters)
                .record(queued);
        if (queued > 0 || run.frequency() != Frequency.IMMEDIATE) {
            log.info("{} digest run of {}: {} items, {} mails queued in {} ms", run.frequency(), run.slot(),
                    candidates.size(), queued, took.toMillis());
        }
        return new Result(run.id(), run.frequency(), run.slot(), candidates.size(), queued, took);
    }

    /**
     * The candidates of a run, indexed by topic: a subscriber's candidates are the union of their topics' sets
     * (bit i = the i-th candidate, newest first), so the filters run only on items that share a topic.
     */
    private static final class CandidateIndex {

        final List<Candidate> candidates;
        final Map<String, java.util.BitSet> byTopic = new java.util.HashMap<>();

        CandidateIndex(List<Candidate> candidates) {
            this.candidates = candidates;
            for (int i = 0; i < candidates.size(); i++) {
                for (String topic : candidates.get(i).item().topics()) {
                    byTopic.computeIfAbsent(topic, t -> new java.util.BitSet()).set(i);
                }
            }
        }

        java.util.BitSet onTopicsOf(Subscriber subscriber) {
            java.util.BitSet bits = new java.util.BitSet(candidates.size());
            for (String topic : subscriber.preferences().topics()) {
                java.util.BitSet onTopic = byTopic.get(topic);
                if (onTopic != null) {
                    bits.or(onTopic);
                }
            }
            return bits;
        }
    }

    private List<Planned> plan(List<Subscriber> batch, CandidateIndex index, List<UUID> candidateIds) {
        Map<UUID, Set<String>> sent = runs.alreadySent(batch.stream().map(Subscriber::id).toList(), candidateIds);
        List<Planned> planned = new ArrayList<>();
        for (Subscriber subscriber : batch) {
            Set<String> had = sent.getOrDefault(subscriber.id(), Set.of());
            List<DigestItem> wanted = new ArrayList<>();
            int matching = 0;
            java.util.BitSet onTopics = index.onTopicsOf(subscriber);
            for (int i = onTopics.nextSetBit(0); i >= 0; i = onTopics.nextSetBit(i + 1)) {
                Candidate candidate = index.candidates.get(i);
                if (subscriber.wants(candidate) && (had.isEmpty()
                        || !had.contains(candidate.item().kind().name() + ":" + candidate.item().id()))) {
                    matching++;
                    if (wanted.size() < settings.maxItems()) {
                        wanted.add(candidate.item());
                    }
                }
            }
            if (!wanted.isEmpty()) {
                planned.add(new Planned(UUID.randomUUID(), subscriber, wanted, matching - wanted.size()));
            }
        }
        return planned;
    }
}
