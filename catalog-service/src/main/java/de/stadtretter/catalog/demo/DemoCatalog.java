package de.stadtretter.catalog.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CasePublications;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.catalog.cases.domain.CaseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the demo catalogue at start when {@code stadtretter.catalog.demo-data} is on (the local platform,
 * unless started with {@code --no-demo-data}): every demo case that does not exist yet is created, published and
 * announced (CasePublished) in one transaction each, so the other services learn of them like of any other case.
 * Runs before the search index is built.
 */
public class DemoCatalog implements ApplicationRunner, Ordered {

    public static final String ACTOR = "stadtretter-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CaseRepository cases;
    private final CasePublications publications;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    public DemoCatalog(CaseRepository cases, CasePublications publications, PlatformTransactionManager tm,
            JsonMapper json, Clock clock) {
        this.cases = cases;
        this.publications = publications;
        this.transactions = new TransactionTemplate(tm);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Demo catalogue: {} new demo cases published", publishMissing());
    }

    /** Publishes the demo cases not stored yet; returns how many. */
    public int publishMissing() {
        List<DemoCases.DemoCase> demo = DemoCases.load(json);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int published = 0;
        for (int i = 0; i < demo.size(); i++) {
            DemoCases.DemoCase d = demo.get(i);
            if (cases.findById(d.id()).isPresent()) {
                continue;
            }
            // spread over the last weeks, so that "newest first" shows an order
            Instant at = now.minus(Duration.ofHours(20L * (demo.size() - i)));
            transactions.executeWithoutResult(status -> {
                Case draft = Case.draft(d.id(), d.ags(), d.content(), ACTOR, at);
                cases.insert(draft);
                cases.recordHistory(draft, "created", null, ACTOR, "Demo-Inhalt");
                Case submitted = cases.update(draft.submit(at));
                Case live = cases.update(submitted.publish(at));
                cases.recordHistory(live, "published", CaseStatus.DRAFT, ACTOR, "Demo-Inhalt");
                publications.published(live);
            });
            published++;
        }
        return published;
    }
}
