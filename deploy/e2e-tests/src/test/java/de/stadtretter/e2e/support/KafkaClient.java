package de.stadtretter.e2e.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Raw String records on the platform's Kafka (no Spring): produce, and read what arrives. */
public final class KafkaClient {

    private final String bootstrap;

    public KafkaClient(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Creates a topic for a test's own use (auto-create is off); an existing one is fine. */
    public void createTopic(String topic, int partitions) {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                    .all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("Creating topic " + topic + " failed: " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number of partitions of an existing topic. */
    public int partitions(String topic) {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("Describing topic " + topic + " failed: " + e, e);
        }
    }

    /** The offset a consumer group has committed on one partition (the next one it will read), or -1. */
    public long committedOffset(String group, String topic, int partition) {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicPartition tp = new TopicPartition(topic, partition);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            var offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var committed = offsets.get(tp);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Offsets of consumer group " + group + " failed: " + e, e);
        }
    }

    /** The ids of all consumer groups the broker knows. */
    public List<String> consumerGroups() {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            return admin.listGroups().all().get().stream().map(g -> g.groupId()).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Listing consumer groups failed: " + e, e);
        }
    }

    /** Sends one record and waits for the acknowledgement. */
    public RecordMetadata produce(String topic, String key, String value, Map<String, String> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Producing to " + topic + " failed: " + e, e);
        }
    }

    /** A CloudEvents record as the platform writes them (docs/conventions.md). */
    public RecordMetadata produceCloudEvent(String topic, String key, String type, String envelopeJson) {
        return produce(topic, key, envelopeJson, Map.of("content-type",
                "application/cloudevents+json; charset=UTF-8", "ce_type", type));
    }

    /** A reader positioned at the current end of every partition of {@code topic}: sees only what comes next. */
    public Reader readerFromNow(String topic) {
        return new Reader(topic, false);
    }

    /** A reader from the beginning of {@code topic}. */
    public Reader readerFromBeginning(String topic) {
        return new Reader(topic, true);
    }

    /** Reads records of one topic without a consumer group (manual assignment). Close it. */
    public final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;

        private Reader(String topic, boolean fromBeginning) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-" + UUID.randomUUID());
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            if (parts.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("Topic " + topic + " does not exist");
            }
            consumer.assign(parts);
            if (fromBeginning) {
                consumer.seekToBeginning(parts);
            } else {
                consumer.seekToEnd(parts);
            }
            parts.forEach(consumer::position); // resolve the positions now, not at the first poll
        }

        /** Polls until a record matches or the timeout passes. */
        public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match,
                                                    Duration timeout) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r);
                    if (match.test(r)) {
                        return r;
                    }
                }
            }
            throw new AssertionError("No matching record within " + timeout + "; seen " + seen.size()
                    + " records: " + seen.stream().map(r -> r.key() + "=" + r.value()).limit(5).toList());
        }

        /** Everything that arrives within {@code duration}. */
        public List<ConsumerRecord<String, String>> drain(Duration duration) {
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(300)).forEach(all::add);
            }
            return all;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }
}
