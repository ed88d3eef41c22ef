package de.stadtretter.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code stadtretter dlt list|show|replay}: the records of a dead-letter topic ({@code <topic>-dlt}), one of them in
 * full, and their replay to the source topic, all of them, those of one key, or an offset range of one partition.
 * <p>
 * A replayed record keeps its key (so it lands on the same partition, in order with the key's other events), its
 * value and its headers, without the {@code kafka_dlt-*} headers of the failure and with
 * {@code stadtretter-replayed-from: <dlt>-<partition>@<offset>}. Consumers are idempotent by event id: a consumer
 * that had processed the event ignores it, the one that had failed processes it now, and replaying twice changes
 * nothing. The dead-letter topic is left as it is (its retention removes the records).
 * <p>
 * It reads and writes Kafka only: {@code --bootstrap HOST:PORT} (default the local platform's broker) makes it work
 * against a cluster too, e.g. as a Job running this jar.
 */
final class DeadLetterTool {

    static final String USAGE = """
            Usage: stadtretter dlt list TOPIC [--bootstrap HOST:PORT]
                   stadtretter dlt show TOPIC PARTITION@OFFSET [--bootstrap HOST:PORT]
                   stadtretter dlt replay TOPIC (--all | --key KEY | --partition P --from OFFSET [--to OFFSET])
                                                [--bootstrap HOST:PORT]
              TOPIC is the source topic (catalog.case.v1) or its dead-letter topic (catalog.case.v1-dlt).
            """;

    static final String REPLAYED_FROM = "stadtretter-replayed-from";
    private static final String DLT_HEADER = "kafka_dlt-";
    private static final Pattern POSITION = Pattern.compile("(\\d+)@(\\d+)");
    private static final Pattern JSON_FIELD = Pattern.compile("\"(type|id)\"\\s*:\\s*\"([^\"]*)\"");

    private DeadLetterTool() {
    }

    /** What to replay. */
    record Selection(boolean all, String key, Integer partition, Long from, Long to) {

        boolean matches(ConsumerRecord<String, String> r) {
            if (all) {
                return true;
            }
            if (key != null) {
                return key.equals(r.key());
            }
            return r.partition() == partition && r.offset() >= from && (to == null || r.offset() <= to);
        }
    }

    static int run(List<String> args, PrintStream out) {
        // the Kafka clients' own warnings (a broker that does not answer yet) would drown the answer
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        List<String> words = new ArrayList<>();
        String bootstrap = "127.0.0.1:" + Components.KAFKA_PORT;
        boolean all = false;
        String key = null;
        Integer partition = null;
        Long from = null;
        Long to = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--all" -> all = true;
                case "--bootstrap", "--key", "--partition", "--from", "--to" -> {
                    if (i + 1 >= args.size()) {
                        throw new Main.UserError(a + " needs a value.\n" + USAGE);
                    }
                    String value = args.get(++i);
                    switch (a) {
                        case "--bootstrap" -> bootstrap = value;
                        case "--key" -> key = value;
                        case "--partition" -> partition = number(a, value).intValue();
                        case "--from" -> from = number(a, value);
                        default -> to = number(a, value);
                    }
                }
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new Main.UserError("Unknown option " + a + ".\n" + USAGE);
                    }
                    words.add(a);
                }
            }
        }
        if (words.size() < 2) {
            throw new Main.UserError("Which command and topic?\n" + USAGE);
        }
        String dlt = words.get(1).endsWith("-dlt") ? words.get(1) : words.get(1) + "-dlt";
        String source = dlt.substring(0, dlt.length() - "-dlt".length());
        return switch (words.getFirst()) {
            case "list" -> list(bootstrap, dlt, out);
            case "show" -> {
                if (words.size() < 3 || !POSITION.matcher(words.get(2)).matches()) {
                    throw new Main.UserError("Which record? Give PARTITION@OFFSET, e.g. 0@12.\n" + USAGE);
                }
                Matcher m = POSITION.matcher(words.get(2));
                m.matches();
                yield show(bootstrap, dlt, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), out);
            }
            case "replay" -> {
                int chosen = (all ? 1 : 0) + (key != null ? 1 : 0) + (partition != null ? 1 : 0);
                if (chosen != 1 || (partition != null && from == null) || (partition == null && from != null)) {
                    throw new Main.UserError("Replay what? Give exactly one of --all, --key KEY, or --partition P "
                            + "--from OFFSET [--to OFFSET].\n" + USAGE);
                }
                yield replay(bootstrap, dlt, source, new Selection(all, key, partition, from, to), out);
            }
            default -> throw new Main.UserError("Unknown dlt command '" + words.getFirst() + "'.\n" + USAGE);
        };
    }

    private static Long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Main.UserError(option + " needs a number, not '" + value + "'.");
        }
    }

    private static int list(String bootstrap, String dlt, PrintStream out) {
        List<ConsumerRecord<String, String>> records = readAll(bootstrap, dlt);
        out.println(records.size() + " records in " + dlt + (records.isEmpty() ? "." : ":"));
        for (ConsumerRecord<String, String> r : records) {
            out.println(r.partition() + "@" + r.offset() + "  key=" + r.key() + "  type=" + field(r.value(), "type")
                    + "  id=" + field(r.value(), "id") + "  group=" + header(r, "kafka_dlt-original-consumer-group")
                    + "  from=" + header(r, "kafka_dlt-original-topic") + "-" + header(r,
                    "kafka_dlt-original-partition") + "@" + header(r, "kafka_dlt-original-offset")
                    + "  error=" + tail(header(r, "kafka_dlt-exception-message"), 200));
        }
        return 0;
    }

    private static int show(String bootstrap, String dlt, int partition, long offset, PrintStream out) {
        for (ConsumerRecord<String, String> r : readAll(bootstrap, dlt)) {
            if (r.partition() == partition && r.offset() == offset) {
                out.println(dlt + " " + partition + "@" + offset + ", key " + r.key() + ", written "
                        + java.time.Instant.ofEpochMilli(r.timestamp()));
                for (Header h : r.headers()) {
                    String value = String.valueOf(header(r, h.key()));
                    out.println(h.key() + ": " + (h.key().equals("kafka_dlt-exception-stacktrace")
                            ? shorten(value, 2_000) : printable(value)));
                }
                out.println();
                out.println(r.value());
                return 0;
            }
        }
        throw new Main.UserError("There is no record " + partition + "@" + offset + " in " + dlt + ".");
    }

    private static int replay(String bootstrap, String dlt, String source, Selection selection, PrintStream out) {
        List<ConsumerRecord<String, String>> chosen = readAll(bootstrap, dlt).stream().filter(selection::matches)
                .toList();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ConsumerRecord<String, String> r : chosen) {
                String target = header(r, "kafka_dlt-original-topic");
                if (target == null || target.isEmpty()) {
                    target = source;
                }
                ProducerRecord<String, String> again = new ProducerRecord<>(target, r.key(), r.value());
                for (Header h : r.headers()) {
                    if (!h.key().startsWith(DLT_HEADER) && !h.key().equals(REPLAYED_FROM)) {
                        again.headers().add(h.key(), h.value());
                    }
                }
                again.headers().add(REPLAYED_FROM, (dlt + "-" + r.partition() + "@" + r.offset())
                        .getBytes(StandardCharsets.UTF_8));
                RecordMetadata sent = producer.send(again).get();
                out.println("replayed " + dlt + " " + r.partition() + "@" + r.offset() + " (key " + r.key()
                        + ", id " + field(r.value(), "id") + ") to " + sent.topic() + "-" + sent.partition() + "@"
                        + sent.offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new Main.UserError("Kafka refused the replay: " + e.getCause().getMessage());
        }
        out.println(chosen.size() + " records replayed from " + dlt + ".");
        return 0;
    }

    /** Every record of the topic, from the beginning to the end it has now. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "stadtretter-dlt-tool-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                throw new Main.UserError("There is no topic " + topic + " at " + bootstrap + ".");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new Main.UserError("Reading " + topic + " took longer than a minute.");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new Main.UserError("Kafka does not answer at " + bootstrap + "; is the platform running?");
        }
        records.sort(java.util.Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        byte[] v = h.value();
        // Spring Kafka writes partition and offset as binary numbers
        if ((name.endsWith("-partition") && v.length == 4) || (name.endsWith("-offset") && v.length == 8)) {
            long n = 0;
            for (byte b : v) {
                n = (n << 8) | (b & 0xff);
            }
            return Long.toString(n);
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        Matcher m = JSON_FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    /** The end of a long message: the root cause, which Spring appends last. */
    private static String tail(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = printable(s);
        return one.length() <= max ? one : "…" + one.substring(one.length() - max);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = printable(s);
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    private static String printable(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
