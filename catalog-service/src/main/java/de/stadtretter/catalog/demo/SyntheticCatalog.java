package de.stadtretter.catalog.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * The benchmark's data: {@code --stadtretter.catalog.synthetic-cases=N} stores N synthetic published cases
 * ({@link SyntheticCases}) directly in the catalogue database, in transactions of 1,000, without events (the other
 * services never hear of them), then exits: a one-shot command, run beside a running catalog-service (with
 * {@code --server.port=0}); {@code POST /api/catalog/admin/search-index/rebuild} then indexes them.
 */
public class SyntheticCatalog implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCatalog.class);
    private static final int BATCH = 1_000;

    private final CaseRepository cases;
    private final TransactionTemplate transactions;
    private final ConfigurableApplicationContext context;
    private final int count;

    public SyntheticCatalog(CaseRepository cases, PlatformTransactionManager tm, ConfigurableApplicationContext context,
            int count) {
        this.cases = cases;
        this.transactions = new TransactionTemplate(tm);
        this.context = context;
        this.count = count;
    }

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public void run(ApplicationArguments args) {
        SyntheticCases generator = new SyntheticCases(ReferenceData.get(), 20261201L);
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long t0 = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            int start = from;
            transactions.executeWithoutResult(status -> {
                for (int n = start; n < Math.min(count, start + BATCH); n++) {
                    SyntheticCases.Synthetic s = generator.next(n);
                    if (cases.findById(s.id()).isPresent()) {
                        continue;
                    }
                    Instant at = base.minusSeconds(60L * (count - n));
                    cases.insert(Case.draft(s.id(), s.ags(), s.content(), "stadtretter-synthetic", at).submit(at)
                            .publish(at));
                }
            });
            if ((from / BATCH) % 10 == 0) {
                log.info("Synthetic cases: {} of {} stored", Math.min(count, from + BATCH), count);
            }
        }
        log.info("Synthetic cases: {} stored in {} s; exiting", count, (System.nanoTime() - t0) / 1_000_000_000);
        // a one-shot command: it ends here, before this JVM would build a search index of its own
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
