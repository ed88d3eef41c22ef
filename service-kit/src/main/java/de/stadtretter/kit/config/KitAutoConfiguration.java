package de.stadtretter.kit.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.DeadLetters;
import de.stadtretter.kit.events.inbox.InboundEvents;
import de.stadtretter.kit.events.inbox.ProcessedEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.kit.events.outbox.OutboxRelay;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.ProblemSecurityHandlers;
import de.stadtretter.kit.tracing.TraceContexts;
import de.stadtretter.kit.web.ApiProblems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/** Registers the kit's parts in every service that has the kit on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(KitProperties.class)
public class KitAutoConfiguration {

    @Bean
    ApiProblems apiProblems() {
        return new ApiProblems();
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper jsonMapper) {
        return new ProblemSecurityHandlers(jsonMapper);
    }

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.get();
    }

    @Bean
    CloudEvents cloudEvents(JsonMapper jsonMapper) {
        return new CloudEvents(jsonMapper);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    InboundEvents inboundEvents(CloudEvents cloudEvents, ProcessedEvents processedEvents, TransactionTemplate tx,
            MeterRegistry meters, Validator validator) {
        return new InboundEvents(cloudEvents, processedEvents, tx, meters, validator);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> kafkaTemplate, MeterRegistry meters,
            KitProperties properties) {
        return DeadLetters.errorHandler(kafkaTemplate, meters, properties.consumer().maxRetries(),
                properties.consumer().initialBackoff().toMillis());
    }

    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(tracer, propagator);
    }

    @Bean
    @ConditionalOnProperty(prefix = "stadtretter.kit.outbox", name = "enabled", havingValue = "true")
    Outbox outbox(JdbcClient jdbc, CloudEvents cloudEvents, ApplicationEventPublisher publisher, TraceContexts traces) {
        return new Outbox(jdbc, cloudEvents, publisher, traces);
    }

    @Bean
    @ConditionalOnProperty(prefix = "stadtretter.kit.outbox", name = "enabled", havingValue = "true")
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafkaTemplate,
            MeterRegistry meters, KitProperties properties, TraceContexts traces) {
        return new OutboxRelay(jdbc, tx, kafkaTemplate, meters, properties.outbox().pollInterval(),
                properties.outbox().batchSize(), traces);
    }
}
