package de.stadtretter.matching.recommendations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.matching.MatchingServiceTest;
import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.municipalities.domain.MunicipalityService;
import de.stadtretter.matching.partners.domain.PartnerText;
import de.stadtretter.matching.recommendations.domain.DevSet;
import de.stadtretter.matching.recommendations.domain.Recommendations;
import de.stadtretter.matching.recommendations.domain.Recommender;
import de.stadtretter.matching.recommendations.index.RecommendationSync;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.PartnerEvents;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recommendations at the size of the issue: {@value #CASES} cases and {@value #PARTNERS} partners sent as the
 * producers' events to Kafka, consumed by the service into its read models (the time to rebuild them from the topics),
 * the in-memory indexes rebuilt from PostgreSQL, then needs answered inside the service (all four lists, 10 each).
 * The texts are the dev set's cases and partners spread over random real municipalities, so every word of a need
 * meets thousands of cases. Not part of the build (no {@code *Test}); run with
 * {@code ./mvnw -pl matching-service test -Dtest=RecommendationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DenableAssertions=false} (the service runs without {@code -ea}; Lucene's assertions cost a factor of 3 here).
 * Writes {@code matching-service/target/benchmark-recommendations.txt}.
 */
class RecommendationBenchmark extends MatchingServiceTest {

    static final int CASES = Integer.getInteger("stadtretter.bench.cases", 100_000);
    static final int PARTNERS = Integer.getInteger("stadtretter.bench.partners", 10_000);
    static final int WARMUP = 300;
    static final int MEASURED = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecommendationSync sync;

    @Autowired
    Recommender recommender;

    @Autowired
    MunicipalityService municipalities;

    @Test
    void recommendationsAtScale() throws Exception {
        ReferenceData reference = ReferenceData.get();
        DevSet devSet = DevSet.load(Path.of("src/test/resources/devset"), reference);
        List<CaseText> caseTemplates = List.copyOf(devSet.cases().values());
        List<PartnerText> partnerTemplates = List.copyOf(devSet.partners().values());
        List<ReferenceData.Municipality> towns = List.copyOf(reference.municipalities());
        Random random = new Random(42);
        long casesBefore = count("case_profile");
        long partnersBefore = count("partner_profile");

        ObjectNode caseExample = (ObjectNode) EventSchemas.read(CaseEvents.example());
        List<UUID> caseIds = new ArrayList<>(CASES);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < CASES; i++) {
                UUID id = UUID.randomUUID();
                caseIds.add(id);
                String event = caseEvent(caseExample, id, caseTemplates.get(random.nextInt(caseTemplates.size())),
                        towns.get(random.nextInt(towns.size())), reference, i);
                if (i == 0) {
                    assertThat(EventSchemas.errors(CaseEvents.schema(), event)).isEmpty();
                }
                producer.send(new ProducerRecord<>(CaseEvents.TOPIC, id.toString(), event));
            }
            for (int i = 0; i < PARTNERS; i++) {
                UUID id = UUID.randomUUID();
                String event = partnerEvent(id, partnerTemplates.get(random.nextInt(partnerTemplates.size())),
                        caseIds, random, i);
                if (i == 0) {
                    assertThat(EventSchemas.errors(PartnerEvents.schema(PartnerEvents.PUBLISHED_TYPE), event))
                            .isEmpty();
                }
                producer.send(new ProducerRecord<>(PartnerEvents.PROFILE_TOPIC, id.toString(), event));
            }
            producer.flush();
        }
        long producedMs = (System.nanoTime() - t0) / 1_000_000;
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (count("case_profile") < casesBefore + CASES || count("partner_profile") < partnersBefore + PARTNERS) {
            assertThat(System.nanoTime()).as("read models filled within 30 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        long consumedMs = (System.nanoTime() - t0) / 1_000_000;

        long t1 = System.nanoTime();
        int[] indexed = sync.rebuild();
        long rebuildMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(indexed[0]).isGreaterThanOrEqualTo(CASES);
        assertThat(indexed[1]).isGreaterThanOrEqualTo(PARTNERS);

        List<Recommendations.Request> workload = new ArrayList<>();
        Random queries = new Random(7);
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            Recommendations.Request need = devSet.needs().get(queries.nextInt(devSet.needs().size())).request();
            String ags = queries.nextBoolean() ? need.ags() : towns.get(queries.nextInt(towns.size())).ags();
            workload.add(new Recommendations.Request(ags, need.title(), need.description(), need.topics(), null));
        }
        List<Long> nanos = new ArrayList<>();
        long items = 0;
        for (int i = 0; i < workload.size(); i++) {
            long s = System.nanoTime();
            Recommendations r = recommender.recommend(workload.get(i), true, Recommender.DEFAULT_SIZE);
            long took = System.nanoTime() - s;
            items += r.cases().size() + r.partners().size() + r.municipalities().size() + r.needs().size();
            if (i >= WARMUP) {
                nanos.add(took);
            }
        }
        Collections.sort(nanos);
        // where the time goes: the cases alone (ranking and reasons), then cases and partners
        List<Long> casesOnly = new ArrayList<>();
        List<Long> withPartners = new ArrayList<>();
        List<Long> townLookups = new ArrayList<>();
        for (int i = WARMUP; i < WARMUP + MEASURED / 2; i++) {
            long s = System.nanoTime();
            recommender.cases(workload.get(i), Recommender.DEFAULT_SIZE);
            casesOnly.add(System.nanoTime() - s);
            s = System.nanoTime();
            recommender.partners(workload.get(i), Recommender.DEFAULT_SIZE);
            withPartners.add(System.nanoTime() - s);
            s = System.nanoTime();
            municipalities.get(workload.get(i).ags());
            townLookups.add(System.nanoTime() - s);
        }
        Collections.sort(casesOnly);
        Collections.sort(withPartners);
        Collections.sort(townLookups);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        String report = String.format(Locale.ROOT, """
                recommendation benchmark (RecommendationBenchmark, %s)
                data: %d cases and %d partners sent as CasePublished / PartnerProfilePublished to Kafka (%d ms to send)
                read models rebuilt from the topics (consumed, idempotency records, PostgreSQL): %d ms after the first \
                send (%.0f events/s)
                in-memory indexes rebuilt from PostgreSQL (RecommendationSync.rebuild): %d ms for %d cases, %d partners
                recommendations: %d measured after %d warm-up (dev-set needs, half in random towns; cases, partners, \
                towns and needs, 10 each)
                inside the service: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (target p95 <= 50 ms)
                of that: the cases alone p50 %.2f ms, p95 %.2f ms; cases and partners p50 %.2f ms, p95 %.2f ms;
                the need's town profile (PostgreSQL) p50 %.2f ms, p95 %.2f ms
                mean items per answer: %d
                heap used after the run: %d MiB (max %d MiB)
                """, Instant.now(), CASES, PARTNERS, producedMs, consumedMs,
                (CASES + PARTNERS) * 1000.0 / Math.max(1, consumedMs), rebuildMs, indexed[0], indexed[1], MEASURED,
                WARMUP, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.getLast() / 1e6,
                ms(casesOnly, 0.5), ms(casesOnly, 0.95), ms(withPartners, 0.5), ms(withPartners, 0.95),
                ms(townLookups, 0.5), ms(townLookups, 0.95),
                items / workload.size(), (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024),
                rt.maxMemory() / (1024 * 1024));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-recommendations.txt"), report);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p);
    }

    /** The producer's CasePublished example carrying a dev-set case's text, moved to another town. */
    private static String caseEvent(ObjectNode example, UUID id, CaseText template, ReferenceData.Municipality town,
            ReferenceData reference, int n) {
        ObjectNode event = example.deepCopy();
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", id.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("caseId", id.toString());
        data.put("title", template.title() + " (" + n + ")");
        String land = reference.land(town.ags()).map(ReferenceData.Land::code).orElseThrow();
        data.put("ags", town.ags());
        data.put("municipalityName", town.name());
        data.put("stateCode", land);
        ArrayNode topics = data.putArray("topics");
        template.topics().forEach(topics::add);
        ObjectNode municipality = (ObjectNode) data.get("municipality");
        municipality.put("ags", town.ags());
        municipality.put("name", town.name());
        municipality.put("stateCode", land);
        municipality.put("population", town.population());
        municipality.put("townType", reference.townTypeFor(town.population()).code());
        data.putArray("tags").add(template.section(CaseText.Section.TAGS).isBlank() ? "Innenstadt"
                : template.section(CaseText.Section.TAGS).split(",")[0].strip());
        for (Map.Entry<String, CaseText.Section> field : Map.of("teaser", CaseText.Section.TEASER, "problem",
                CaseText.Section.PROBLEM, "objectives", CaseText.Section.OBJECTIVES, "approach",
                CaseText.Section.APPROACH, "implementation", CaseText.Section.IMPLEMENTATION, "resources",
                CaseText.Section.RESOURCES, "results", CaseText.Section.RESULTS, "lessons", CaseText.Section.LESSONS,
                "transferability", CaseText.Section.TRANSFERABILITY).entrySet()) {
            String text = template.section(field.getValue());
            data.put(field.getKey(), text.isBlank() && field.getKey().equals("teaser") ? template.title() : text);
        }
        return JSON.writeValueAsString(event);
    }

    /** The producer's PartnerProfilePublished example carrying a dev-set partner, with references to random cases. */
    private static String partnerEvent(UUID id, PartnerText template, List<UUID> cases, Random random, int n) {
        ObjectNode event = (ObjectNode) JSON.readTree(PartnerEvents.published(id, template.name() + " " + n,
                cases.get(random.nextInt(cases.size())), "Konzept und Umsetzung"));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("description", template.description());
        ArrayNode topics = data.putArray("topics");
        template.topics().forEach(topics::add);
        ArrayNode regions = data.putArray("regions");
        template.regions().forEach(regions::add);
        ObjectNode offeringExample = (ObjectNode) data.withArray("offerings").get(0);
        ArrayNode offerings = data.putArray("offerings");
        for (PartnerText.Offering o : template.offerings()) {
            ObjectNode offering = offeringExample.deepCopy();
            offering.put("offeringId", UUID.randomUUID().toString());
            offering.put("title", o.title());
            offering.put("description", o.description());
            ArrayNode offeringTopics = offering.putArray("topics");
            o.topics().forEach(offeringTopics::add);
            ArrayNode offeringRegions = offering.putArray("regions");
            template.regions().forEach(offeringRegions::add);
            offerings.add(offering);
        }
        ObjectNode referenceExample = (ObjectNode) data.withArray("confirmedReferences").get(0);
        ArrayNode references = data.putArray("confirmedReferences");
        // evidence is unevenly spread, as in life: most companies have one or two confirmed references, a few many
        int count = random.nextInt(10) == 0 ? 5 + random.nextInt(20) : 1 + random.nextInt(2);
        for (int r = 0; r < count; r++) {
            ObjectNode reference = referenceExample.deepCopy();
            reference.put("referenceId", UUID.randomUUID().toString());
            reference.put("caseId", cases.get(random.nextInt(cases.size())).toString());
            references.add(reference);
        }
        return JSON.writeValueAsString(event);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
