package de.stadtretter.notification.digests.runs;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import de.stadtretter.notification.config.NotificationProperties;
import de.stadtretter.notification.digests.items.ItemsAnnounced;
import de.stadtretter.notification.subscriptions.consent.ClientRequestLimit;
import de.stadtretter.notification.subscriptions.consent.ConsentRecords;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import de.stadtretter.notification.workflow.delivery.WorkflowMails;
import de.stadtretter.notification.workflow.members.MemberAddresses;

/**
 * The schedule, on db-scheduler (table {@code scheduled_tasks}): every replica runs a scheduler, and each due
 * execution is picked by exactly one of them. Daily and weekly digests follow their crons in Europe/Berlin; immediate
 * mails are gathered every {@code immediate-interval} and right after an item became news; a daily clean-up deletes
 * what is no longer needed (expired proof of consent, passed request windows, old runs). Every execution first
 * finishes runs left unfinished, and an execution whose replica died is revived by another one.
 */
@Component
public class DigestSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final NotificationProperties.Digest settings;
    private final RecurringTask<Void> immediate;
    private final Scheduler scheduler;
    private volatile boolean running;

    public DigestSchedule(DataSource dataSource, DigestRunner runner, ConsentRecords consents,
            ClientRequestLimit clientLimit, DigestRuns runs, MemberAddresses addresses, WorkflowMails workflowMails,
            NotificationProperties properties) {
        this.settings = properties.digest();
        RecurringTask<Void> daily = Tasks.recurring("digest-daily", Schedules.cron(settings.dailyCron(),
                        settings.zone()))
                .execute((instance, context) -> {
                    runner.resumeUnfinished();
                    runner.run(Frequency.DAILY, context.getExecution().executionTime);
                });
        RecurringTask<Void> weekly = Tasks.recurring("digest-weekly", Schedules.cron(settings.weeklyCron(),
                        settings.zone()))
                .execute((instance, context) -> {
                    runner.resumeUnfinished();
                    runner.run(Frequency.WEEKLY, context.getExecution().executionTime);
                });
        this.immediate = Tasks.recurring("digest-immediate", Schedules.fixedDelay(settings.immediateInterval()))
                .execute((instance, context) -> {
                    runner.resumeUnfinished();
                    // the run's slot is now, not the planned time: an early (woken) run takes what is there
                    runner.run(Frequency.IMMEDIATE, Instant.now());
                });
        RecurringTask<Void> cleanup = Tasks.recurring("notification-cleanup", Schedules.cron("0 30 3 * * *",
                        settings.zone()))
                .execute((instance, context) -> {
                    int consentsDeleted = consents.deleteExpired();
                    int windows = clientLimit.deletePassed();
                    int oldRuns = runs.deleteOlderThan(Duration.ofDays(90));
                    int stale = addresses.deleteStale();
                    int oldMails = workflowMails.deleteOlderThan(Duration.ofDays(90));
                    log.info("Clean-up: {} expired consent records, {} request windows, {} old digest runs, {} "
                            + "addresses of members not seen for 13 months, {} old workflow mails deleted",
                            consentsDeleted, windows, oldRuns, stale, oldMails);
                });
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(daily, weekly, immediate, cleanup)
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(30))
                .threads(2)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    /** After an item became news: gather the immediate mails now rather than at the next interval. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onItemsAnnounced(ItemsAnnounced announced) {
        if (!running) {
            return;
        }
        try {
            scheduler.reschedule(immediate.instance(RecurringTask.INSTANCE), Instant.now());
        } catch (RuntimeException e) {
            // running right now, or another replica has it: the next run takes the item
            log.debug("Immediate digest not rescheduled: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        if (settings.schedule()) {
            scheduler.start();
            running = true;
        }
    }

    @Override
    public void stop() {
        if (running) {
            running = false;
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
