package de.stadtretter.e2e;

import de.stadtretter.e2e.support.CaseEvents;
import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.KafkaClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.e2e.support.Subscriber;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static de.stadtretter.e2e.support.CaseEvents.PUBLISHED_TYPE;
import static de.stadtretter.e2e.support.CaseEvents.TOPIC;
import static de.stadtretter.e2e.support.KafkaClient.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the consumers of {@code catalog.case.v1} do with records on the real broker: a record they cannot read goes
 * to {@code catalog.case.v1-dlt} (once per consumer group) without blocking its partition, and an event delivered
 * twice has its effect once.
 */
@ExtendWith(StadtretterPlatform.class)
class EventDeliveryIT {

    /** The consumer groups of catalog.case.v1: each service consumes under its own name. */
    static final String NOTIFICATION_GROUP = "notification-service";
    static final Set<String> CONSUMER_GROUPS = Set.of(NOTIFICATION_GROUP, "partner-service", "matching-service");

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClient kafka = Endpoints.kafka();

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextRecordOnItsKeyIsStillProcessed() {
        try (Subscriber subscriber = Subscriber.confirmed(Subscriber.newAddress("dlt"), List.of("foerderung"));
             KafkaClient.Reader dlt = kafka.readerFromNow(CaseEvents.DLT)) {
            String key = KafkaClient.newKey();
            String garbage = "this is not a CloudEvent: {" + key;
            RecordMetadata bad = kafka.produceCloudEvent(TOPIC, key, PUBLISHED_TYPE, garbage);
            // right behind it on the same key (same partition): a valid event
            String title = Cases.newTitle("AfterDeadLetter");
            RecordMetadata good = kafka.produceCloudEvent(TOPIC, key, PUBLISHED_TYPE,
                    CaseEvents.published(UUID.randomUUID().toString(), key, title, List.of("foerderung")));
            assertThat(good.partition()).isEqualTo(bad.partition());

            // every consumer group dead-letters the bad record, with Spring Kafka's headers
            Map<String, ConsumerRecord<String, String>> byGroup = new HashMap<>();
            dlt.await(r -> {
                if (key.equals(r.key())) {
                    byGroup.put(header(r, "kafka_dlt-original-consumer-group"), r);
                }
                return byGroup.keySet().containsAll(CONSUMER_GROUPS);
            }, TIMEOUT);
            ConsumerRecord<String, String> dead = byGroup.get(NOTIFICATION_GROUP);
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).endsWith(".MalformedEventException");
            assertThat(byGroup.keySet()).containsExactlyInAnyOrderElementsOf(CONSUMER_GROUPS);

            // and the valid event behind it still has its effect
            assertThat(subscriber.awaitAnnouncement(title).body()).contains(title);
        }
    }

    @Test
    void theSameEventDeliveredTwiceYieldsOneMail() {
        try (Subscriber subscriber = Subscriber.confirmed(Subscriber.newAddress("twice"), List.of("events"))) {
            String caseId = UUID.randomUUID().toString();
            String title = Cases.newTitle("Twice");
            String event = CaseEvents.published(UUID.randomUUID().toString(), caseId, title, List.of("events"));
            RecordMetadata first = kafka.produceCloudEvent(TOPIC, caseId, PUBLISHED_TYPE, event);
            RecordMetadata second = kafka.produceCloudEvent(TOPIC, caseId, PUBLISHED_TYPE, event);
            // a third, different event on the same key, i.e. behind the duplicate on its partition; about another
            // case, since notification-service announces each case only once anyway
            String laterTitle = Cases.newTitle("Later");
            RecordMetadata third = kafka.produceCloudEvent(TOPIC, caseId, PUBLISHED_TYPE, CaseEvents.published(
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), laterTitle, List.of("events")));
            assertThat(List.of(second.partition(), third.partition())).containsOnly(first.partition());
            assertThat(first.offset()).isLessThan(second.offset());
            assertThat(second.offset()).isLessThan(third.offset());

            subscriber.awaitAnnouncement(title);
            subscriber.awaitAnnouncement(laterTitle);
            // proof that notification-service has consumed the duplicate, not merely not got to it yet
            awaitCommitted(NOTIFICATION_GROUP, first.partition(), third.offset() + 1);

            assertThat(subscriber.count(Subscriber.announcementSubject(title))).as("mails about %s", title)
                    .isEqualTo(1);
            assertThat(subscriber.count(Subscriber.announcementSubject(laterTitle))).isEqualTo(1);
        }
    }

    private void awaitCommitted(String group, int partition, long atLeast) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        long committed;
        while ((committed = kafka.committedOffset(group, TOPIC, partition)) < atLeast) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Consumer group " + group + " committed " + committed + " on " + TOPIC + "-"
                        + partition + ", expected at least " + atLeast + "; groups: " + kafka.consumerGroups());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
