package de.stadtretter.notification.digests.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.notification.digests.runs.DigestRun;
import de.stadtretter.notification.digests.runs.DigestRunner;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import jakarta.annotation.PreDestroy;

/**
 * Runs a digest now, for the operator (role admin): {@code POST /api/notifications/admin/digests/DAILY/runs} records
 * the run and answers {@code 202 Accepted} at once, with the run and its {@code Location}; the run goes on in the
 * background (a run of 100,000 subscribers takes longer than any gateway waits). {@code GET
 * /api/notifications/admin/digests/runs/{runId}} tells how far it is: the mails queued so far, and when it finished.
 * Runs left unfinished are finished first. A scheduled run later takes only what is new by then, and nobody gets an
 * item twice; if this instance stops during the run, another one resumes it from its cursor.
 */
@RestController
@RequestMapping("/api/notifications/admin/digests")
public class DigestAdminController {

    private static final Logger log = LoggerFactory.getLogger(DigestAdminController.class);

    private final DigestRunner runner;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("digest-admin-run").daemon().factory());

    public DigestAdminController(DigestRunner runner) {
        this.runner = runner;
    }

    /** A run as the operator sees it: {@code status} RUNNING or FINISHED, {@code mails} queued so far. */
    public record RunView(UUID runId, Frequency frequency, Instant slot, String status, int mails, Instant startedAt,
            Instant finishedAt) {

        static RunView of(DigestRun run) {
            return new RunView(run.id(), run.frequency(), run.slot(), run.finishedAt() == null ? "RUNNING"
                    : "FINISHED", run.mails(), run.startedAt(), run.finishedAt());
        }
    }

    @PostMapping("/{frequency}/runs")
    public ResponseEntity<RunView> run(@PathVariable Frequency frequency) {
        DigestRun run = runner.start(frequency, Instant.now());
        background.execute(() -> {
            try {
                runner.resumeUnfinished();
                runner.finish(run);
            } catch (RuntimeException e) {
                // the run keeps its cursor; the next scheduled execution resumes it
                log.error("The {} digest run {} started by an admin stopped: {}", frequency, run.id(), e.toString());
            }
        });
        return ResponseEntity.accepted().location(URI.create("/api/notifications/admin/digests/runs/" + run.id()))
                .body(RunView.of(run));
    }

    @GetMapping("/runs/{runId}")
    public RunView status(@PathVariable UUID runId) {
        return runner.find(runId).map(RunView::of).orElseThrow(() -> new NotFoundException("Digest run", runId));
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
