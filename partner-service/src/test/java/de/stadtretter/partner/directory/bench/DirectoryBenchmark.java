package de.stadtretter.partner.directory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import de.stadtretter.partner.PartnerServiceTest;
import de.stadtretter.partner.directory.index.DirectorySync;
import de.stadtretter.partner.directory.query.DirectoryQuery;
import de.stadtretter.partner.directory.query.DirectoryResult;
import de.stadtretter.partner.directory.query.DirectorySearch;

/**
 * The directory at the size of the issue: {@value #PARTNERS} verified partners with {@value #REFERENCES} confirmed
 * references (on {@value #CASES} published cases), written to the service's PostgreSQL, the index rebuilt by the
 * service's own sync, then directory searches of a town's shape (words, often a topic and a Land, 20 per page) timed
 * inside the service. Not part of the build (no {@code *Test}); run with
 * {@code ./mvnw -pl partner-service test -Dtest=DirectoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DenableAssertions=false}. Writes its report to {@code partner-service/target/benchmark-directory.txt}.
 */
class DirectoryBenchmark extends PartnerServiceTest {

    static final int PARTNERS = 10_000;
    static final int REFERENCES = 50_000;
    static final int CASES = 20_000;
    static final int WARMUP = 1_000;
    static final int MEASURED = 2_000;

    static final String[] TOPICS = {"leerstand", "erlebnisraum", "handel-innovation", "marketing", "stadtgestaltung",
        "mobilitaet", "organisation", "events", "foerderung", "citylogistik"};
    static final String[] LANDS = {"SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN",
        "ST", "TH"};
    /** Per topic: words companies use to describe that work. */
    static final String[][] PHRASES = {
        {"Leerstandsmanagement", "Zwischennutzung leerer Ladenlokale", "Eigentümeransprache", "Leerstandskataster",
            "Pop-up-Stores"},
        {"Aufenthaltsqualität", "Begrünung der Fußgängerzone", "Spielorte für Familien", "Stadtmöblierung"},
        {"Digitalisierung des Einzelhandels", "Online-Marktplatz", "Click & Collect", "Kassensysteme"},
        {"Stadtmarketing", "Kampagnen", "Dachmarke", "Stadtgutschein", "Social Media"},
        {"Fassadenprogramm", "Innenstadtkonzept", "Gestaltungsleitfaden", "Immobilienentwicklung"},
        {"Parkraumkonzept", "Fahrradparken", "Erreichbarkeit", "Shuttlebus"},
        {"Citymanagement", "Händlergemeinschaft", "Quartiersmanagement", "Moderation", "Bürgerbeteiligung"},
        {"Stadtfeste", "Wochenmarkt", "Verkaufsoffene Sonntage", "Veranstaltungsmanagement"},
        {"Fördermittelberatung", "Förderanträge", "Verfügungsfonds", "Städtebauförderung"},
        {"Lastenräder", "Mikrodepot", "Lieferdienst", "Citylogistik"}};
    static final String[] QUERIES = {"Leerstand", "Zwischennutzung", "Stadtmarketing Kampagne", "Fördermittel",
        "Bürgerbeteiligung Moderation", "Wochenmarkt", "Lastenrad Lieferdienst", "Fassaden", "Digitalisierung Handel",
        "Leerstnad", "Citymanagement", "Parkraum", "Begrünung Innenstadt", "Pop-up-Laden", "Eigentümer ansprechen"};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectorySync sync;

    @Autowired
    DirectorySearch search;

    @Test
    void directoryAtScale() throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long t0 = System.nanoTime();
        List<UUID> cases = new ArrayList<>();
        List<Object[]> caseRows = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            UUID id = UUID.randomUUID();
            cases.add(id);
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            caseRows.add(new Object[] {id, "Praxisbeispiel " + i + ": " + phrase(random, topic), "01001000",
                array(List.of(topic)),
                Timestamp.from(now.minus(random.nextInt(6 * 365), ChronoUnit.DAYS))});
        }
        jdbc.batchUpdate("insert into published_case (case_id, title, ags, topics, published_at) "
                + "values (?, ?, ?, ?::text[], ?)", caseRows);
        List<Object[]> partnerRows = new ArrayList<>();
        List<Object[]> offeringRows = new ArrayList<>();
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            UUID id = UUID.randomUUID();
            partners.add(id);
            List<String> topics = pick(random, TOPICS, 1 + random.nextInt(3));
            List<String> regions = random.nextInt(5) == 0 ? List.of("DE") : pick(random, LANDS, 1 + random.nextInt(3));
            StringBuilder description = new StringBuilder("Wir unterstützen Städte und Gemeinden: ");
            for (String t : topics) {
                description.append(phrase(random, t)).append(", ").append(phrase(random, t)).append(". ");
            }
            partnerRows.add(new Object[] {id, "Partner " + i + " " + phrase(random, topics.getFirst()), "GmbH",
                description.toString(), array(topics), array(regions), "Kontakt " + i, "p" + i + "@example.org", now,
                now, now});
            for (int o = 0; o < 2; o++) {
                String t = topics.get(random.nextInt(topics.size()));
                offeringRows.add(new Object[] {UUID.randomUUID(), id, phrase(random, t), "Beratung und Umsetzung: "
                    + phrase(random, t), array(List.of(t)), array(regions), now});
            }
        }
        jdbc.batchUpdate("""
                insert into partner (id, status, name, legal_form, description, topics, regions, contact_name,
                    contact_email, created_at, updated_at, verified_at)
                values (?, 'VERIFIED', ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?)""", timestamps(partnerRows));
        jdbc.batchUpdate("""
                insert into offering (id, partner_id, title, description, topics, regions, created_at)
                values (?, ?, ?, ?, ?::text[], ?::text[], ?)""", timestamps(offeringRows));
        List<Object[]> referenceRows = new ArrayList<>();
        for (int i = 0; i < REFERENCES; i++) {
            // evidence is unevenly spread, as in life: a fifth of the companies hold most of it
            UUID partner = partners.get(random.nextInt(5) < 3 ? random.nextInt(PARTNERS / 5)
                    : random.nextInt(PARTNERS));
            referenceRows.add(new Object[] {UUID.randomUUID(), partner, cases.get(random.nextInt(CASES)),
                "Konzept und Umsetzung", Timestamp.from(now), Timestamp.from(now)});
        }
        jdbc.batchUpdate("""
                insert into partner_reference (id, partner_id, case_id, role, status, claimed_by, claimed_at,
                    decided_by, decided_on_behalf, decided_at)
                values (?, ?, ?, ?, 'CONFIRMED', 'benchmark', ?, 'benchmark', true, ?)
                on conflict (partner_id, case_id) do nothing""", referenceRows);
        long loadMs = (System.nanoTime() - t0) / 1_000_000;

        long t1 = System.nanoTime();
        int indexed = sync.rebuild();
        long rebuildMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(indexed).isGreaterThanOrEqualTo(PARTNERS);
        long references = jdbc.queryForObject("select count(*) from partner_reference where status = 'CONFIRMED'",
                Long.class);

        List<DirectoryQuery> workload = new ArrayList<>();
        Random queries = new Random(7);
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            String q = queries.nextInt(10) == 0 ? null : QUERIES[queries.nextInt(QUERIES.length)];
            String topic = queries.nextBoolean() ? TOPICS[queries.nextInt(TOPICS.length)] : null;
            String region = queries.nextBoolean() ? LANDS[queries.nextInt(LANDS.length)] : null;
            workload.add(new DirectoryQuery(q, topic, region, DirectoryQuery.Sort.EVIDENCE, 0, 20));
        }
        List<Long> nanos = new ArrayList<>();
        long hits = 0;
        for (int i = 0; i < workload.size(); i++) {
            long s = System.nanoTime();
            DirectoryResult result = search.search(workload.get(i));
            long took = System.nanoTime() - s;
            hits += result.totalItems();
            if (i >= WARMUP) {
                nanos.add(took);
            }
        }
        Collections.sort(nanos);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        String report = String.format(Locale.ROOT, """
                partner directory benchmark (DirectoryBenchmark, %s)
                data: %d verified partners, %d confirmed references on %d cases, %d offerings (load %d ms)
                index rebuild by DirectorySync: %d ms
                searches: %d measured after %d warm-up (words in 90 %%, topic and Land filters in half each, 20 per page)
                inside the service: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (target p95 <= 10 ms)
                mean hits per search: %d
                heap used after the run: %d MiB
                """, now, indexed, references, CASES, offeringRows.size(), loadMs, rebuildMs, MEASURED, WARMUP,
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.getLast() / 1e6, hits / workload.size(),
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-directory.txt"), report);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static String phrase(Random random, String topic) {
        for (int t = 0; t < TOPICS.length; t++) {
            if (TOPICS[t].equals(topic)) {
                return PHRASES[t][random.nextInt(PHRASES[t].length)];
            }
        }
        throw new IllegalArgumentException(topic);
    }

    private static List<String> pick(Random random, String[] from, int n) {
        List<String> all = new ArrayList<>(List.of(from));
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, n));
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static List<Object[]> timestamps(List<Object[]> rows) {
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Instant instant) {
                    row[i] = Timestamp.from(instant);
                }
            }
        }
        return rows;
    }
}
