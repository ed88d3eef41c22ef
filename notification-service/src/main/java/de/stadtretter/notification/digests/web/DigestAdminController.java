package de.stadtretter.notification.digests.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.notification.digests.runs.DigestRunner;
import de.stadtretter.notification.digests.runs.DigestRunner.Result;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;

/**
 * Runs a digest now, for the operator (role admin): {@code POST /api/notifications/admin/digests/DAILY/runs}. It
 * answers when the mails are queued (they are sent right after), with what the run did. Runs left unfinished are
 * finished first. A scheduled run later takes only what is new by then, and nobody gets an item twice.
 */
@RestController
@RequestMapping("/api/notifications/admin/digests")
public class DigestAdminController {

    private final DigestRunner runner;

    public DigestAdminController(DigestRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/{frequency}/runs")
    public Map<String, Object> run(@PathVariable Frequency frequency) {
        runner.resumeUnfinished();
        Result result = runner.run(frequency, Instant.now());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", result.runId());
        answer.put("frequency", result.frequency());
        answer.put("slot", result.slot());
        answer.put("items", result.items());
        answer.put("mails", result.mails());
        answer.put("durationMs", result.took().toMillis());
        return answer;
    }
}
