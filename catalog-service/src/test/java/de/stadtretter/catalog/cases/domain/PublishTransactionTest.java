package de.stadtretter.catalog.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import de.stadtretter.catalog.CatalogIntegrationTest;
import de.stadtretter.catalog.cases.events.CaseEvents;
import de.stadtretter.kit.security.CurrentUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The publish step and its event are one transaction: when something fails after the event has been appended to
 * the outbox, neither the status change nor the event survive. Uses the real database and the real outbox, and
 * {@code CaseService}'s own {@code @Transactional} declarations; only the failure is staged.
 */
class PublishTransactionTest extends CatalogIntegrationTest {

    private static final CurrentUser EDITOR = new CurrentUser("editor-subject", "redakteurin", "stadtretter",
            Set.of(CurrentUser.REDAKTION));
    private static final CurrentUser OWNER = new CurrentUser("owner-subject", "flensburg", FLENSBURG,
            Set.of(CurrentUser.KOMMUNE));

    @Autowired
    CaseRepository repository;
    @Autowired
    CaseEvents caseEvents;
    @Autowired
    de.stadtretter.catalog.cases.events.ReviewEvents reviewEvents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** A transactional CaseService whose publications fail right after the real outbox append. */
    private CaseService serviceFailingAfterAppend() {
        CasePublications appendThenFail = new CasePublications() {
            @Override
            public void published(Case published) {
                caseEvents.published(published);
                assertThat(outboxRows(published.id())).as("appended inside the transaction").isEqualTo(1);
                throw new IllegalStateException("staged failure after the outbox append");
            }

            @Override
            public void updated(Case updated) {
                caseEvents.updated(updated);
            }

            @Override
            public void archived(Case archived) {
                caseEvents.archived(archived);
            }
        };
        return transactional(new CaseService(repository, appendThenFail, reviewEvents, Clock.systemUTC(), new SimpleMeterRegistry(),
                event -> { }, revisions));
    }

    @org.springframework.beans.factory.annotation.Autowired
    CaseRevisionRepository revisions;

    private CaseService transactional(CaseService target) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        return (CaseService) proxy.getProxy();
    }

    @Test
    void aFailureAfterTheOutboxAppendRollsBackStatusHistoryAndEvent() {
        CaseService service = serviceFailingAfterAppend();
        Case submitted = service.submit(OWNER, service.create(OWNER, FLENSBURG,
                CaseContent.basic("Rollback", "Rollback-Test", List.of("leerstand"))).id());

        assertThatThrownBy(() -> service.publish(EDITOR, submitted.id()))
                .hasMessageContaining("staged failure");

        Case stored = repository.findById(submitted.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(stored.publishedAt()).isNull();
        assertThat(stored.version()).isEqualTo(submitted.version());
        assertThat(outboxRows(submitted.id())).isZero();
        assertThat(repository.history(submitted.id())).extracting(CaseRepository.HistoryEntry::action)
                .containsExactly("created", "submitted");
    }

    @Test
    void withoutAFailureTheSameServiceCommitsBoth() {
        // the positive control: the same wiring with working publications commits the change and the event
        CaseService service = transactional(new CaseService(repository, caseEvents, reviewEvents, Clock.systemUTC(),
                new SimpleMeterRegistry(), event -> { }, revisions));
        Case submitted = service.submit(OWNER, service.create(OWNER, FLENSBURG,
                CaseContent.basic("Commit", "Commit-Test", List.of("leerstand"))).id());

        service.publish(EDITOR, submitted.id());

        assertThat(repository.findById(submitted.id()).orElseThrow().status()).isEqualTo(CaseStatus.PUBLISHED);
        // CasePublished and, for the author, CaseReviewed
        assertThat(outboxRows(submitted.id())).isEqualTo(2);
    }

    private long outboxRows(UUID caseId) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :key")
                .param("key", caseId.toString()).query(Long.class).single();
    }
}
