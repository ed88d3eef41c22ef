package de.stadtretter.notification.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.digests.runs.DigestRunner;
import de.stadtretter.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Digests end to end on real Kafka, PostgreSQL and SMTP: items from the producers' events, a run per frequency,
 * each subscriber's items only, never twice, and a working one-click unsubscribe.
 */
class DigestRunTest extends NotificationIntegrationTest {

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private DigestRunner runner;

    private DigestEvents events() {
        return new DigestEvents(kafka, json);
    }

    private static String admin() {
        return "Bearer " + TestTokens.get().token("admin", "admin", "stadtretter");
    }

    /**
     * Runs the digest of {@code frequency} through the admin endpoint (202 at once), follows its Location until it
     * has finished and returns the number of mails queued.
     */
    private int runDigest(String frequency) throws Exception {
        var started = mvc.perform(post("/api/notifications/admin/digests/" + frequency + "/runs")
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.frequency").value(frequency))
                .andReturn().getResponse();
        String location = started.getHeader(HttpHeaders.LOCATION);
        assertThat(location).isEqualTo("/api/notifications/admin/digests/runs/"
                + json.readTree(started.getContentAsString()).get("runId").asString());
        java.util.concurrent.atomic.AtomicReference<tools.jackson.databind.JsonNode> run =
                new java.util.concurrent.atomic.AtomicReference<>();
        Awaitility.await("the digest run").atMost(Duration.ofSeconds(60)).until(() -> {
            run.set(json.readTree(mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, admin()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
            return run.get().get("status").asString().equals("FINISHED");
        });
        return run.get().get("mails").asInt();
    }

    @Test
    void aRunIsForAdminsOnlyAndAnUnknownRunIs404() throws Exception {
        mvc.perform(post("/api/notifications/admin/digests/DAILY/runs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/notifications/admin/digests/runs/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, admin())).andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/admin/digests/HOURLY/runs").header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isBadRequest());
    }

    private void awaitItems(UUID... ids) {
        Awaitility.await("digest items").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from digest_item where item_id = any(:ids)").param("ids", ids).query(Long.class)
                .single() == ids.length);
    }

    private void awaitAllSent() {
        Awaitility.await("digests sent").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from digest_mail where status = 'PENDING'").query(Long.class).single() == 0);
    }

    private static List<MimeMessage> digestsTo(String email) {
        return TestMail.to(email).stream().filter(m -> !TestMail.subject(m).startsWith("Bitte bestätigen")).toList();
    }

    private static String label(String topic) {
        return ReferenceData.get().topic(topic).orElseThrow().labelDe();
    }

    /** A municipality of the Destatis list with fewer than 5,000 inhabitants (a Landgemeinde, town type 50). */
    private static ReferenceData.Municipality village() {
        return ReferenceData.get().municipalities().stream().filter(m -> m.population() > 500
                && m.population() < 4_000 && m.ags().startsWith("03")).findFirst().orElseThrow();
    }

    @Test
    void aDailyDigestBringsEachSubscriberExactlyTheirItemsOnceAndOneClickEndsIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String onlySh = confirmedSubscriber("nur-sh", Map.of("topics", List.of("leerstand"), "laender", List.of("SH"),
                "frequency", "DAILY"));
        String everything = confirmedSubscriber("alles", Map.of("topics", List.of("leerstand", "marketing"),
                "kinds", List.of("CASES", "PARTNERS", "NEEDS"), "frequency", "DAILY"));
        String villages = confirmedSubscriber("doerfer", Map.of("topics", List.of("leerstand"),
                "townTypes", List.of("50"), "kinds", List.of("CASES", "PARTNERS", "NEEDS"), "frequency", "DAILY"));
        String weekly = confirmedSubscriber("woche", Map.of("topics", List.of("leerstand", "marketing"),
                "kinds", List.of("CASES", "PARTNERS", "NEEDS"), "frequency", "WEEKLY"));
        String paused = confirmedSubscriber("pause", Map.of("topics", List.of("leerstand"), "frequency", "DAILY"));
        mvc.perform(post("/api/notifications/subscriptions/preferences/pause").param("token", personalToken(paused)))
                .andExpect(status().isOk());

        ReferenceData.Municipality village = village();
        DigestEvents events = events();
        String flensburg = "Leerstand in Flensburg " + tag;
        String munich = "Stadtmarketing in München " + tag;
        String inVillage = "Dorfladen in " + village.name() + " " + tag;
        String partner = "Leerstandsberatung GmbH " + tag;
        String need = "Wir suchen Zwischennutzungen " + tag;
        String privateNeed = "Nicht öffentlich " + tag;
        UUID needKey = UUID.randomUUID();
        UUID privateId = events.openNeed(needKey, privateNeed, "02000000", "PRIVATE", "leerstand");
        UUID[] ids = {
            events.publishCase(flensburg, "01001000", "Flensburg, Stadt", "SH", "leerstand"),
            events.publishCase(munich, "09162000", "München, Landeshauptstadt", "BY", "marketing"),
            events.publishCase(inVillage, village.ags(), village.name(), "NI", "leerstand", "handel-innovation"),
            events.publishPartner(partner, List.of("DE"), "leerstand"),
            events.openNeed(needKey, need, "02000000", "PUBLIC", "leerstand")};
        awaitItems(ids);
        // sent before the public one on the same partition, so it was handled: a private need is no item
        assertThat(jdbc.sql("select count(*) from digest_item where item_id = :id").param("id", privateId)
                .query(Long.class).single()).isZero();

        assertThat(runDigest("DAILY")).isGreaterThanOrEqualTo(3);
        awaitAllSent();

        assertThat(digestsTo(onlySh)).hasSize(1);
        assertThat(TestMail.text(digestsTo(onlySh).getFirst())).contains(flensburg)
                .doesNotContain(munich, inVillage, partner, need);
        MimeMessage all = digestsTo(everything).getFirst();
        assertThat(digestsTo(everything)).hasSize(1);
        assertThat(TestMail.subject(all)).isEqualTo("Ihr Stadtretter-Tagesüberblick: 5 neue Einträge");
        String text = TestMail.text(all);
        assertThat(text).contains(flensburg, munich, inVillage, partner, need, "Flensburg, Stadt (Schleswig-Holstein)",
                "== Neue Praxisbeispiele: " + label("leerstand") + " ==",
                "== Neue Praxisbeispiele: " + label("marketing") + " ==",
                "== Neu geprüfte Partner: " + label("leerstand") + " ==",
                "== Bedarfe anderer Kommunen: " + label("leerstand") + " ==", "bundesweit · ")
                .doesNotContain(privateNeed);
        // grouped by kind: cases before partners before needs
        assertThat(text.indexOf(flensburg)).isLessThan(text.indexOf(partner));
        assertThat(text.indexOf(partner)).isLessThan(text.indexOf(need));
        assertThat(digestsTo(villages)).hasSize(1);
        assertThat(TestMail.text(digestsTo(villages).getFirst())).contains(inVillage, partner)
                .doesNotContain(flensburg, munich, need);
        assertThat(digestsTo(weekly)).isEmpty();
        assertThat(digestsTo(paused)).isEmpty();

        // the mail itself: multipart text + HTML, footer, headers of RFC 8058, a Message-ID of its row
        assertThat(all.getContent()).isInstanceOf(MimeMultipart.class);
        String html = TestMail.html(all);
        assertThat(html).contains("<table", "style=\"", "Einstellungen ändern oder pausieren", "Abonnement beenden",
                "Stadtretter – Netzwerk für lebendige Innenstädte", BASE_URL + "/praxisbeispiele/" + ids[0],
                BASE_URL + "/partner/" + ids[3], BASE_URL + "/bedarfe/" + ids[4]).doesNotContain("<img", "[(");
        assertThat(text).contains(BASE_URL + "/newsletter/einstellungen?token=", UNSUBSCRIBE_LINK);
        String listUnsubscribe = TestMail.header(all, "List-Unsubscribe");
        assertThat(listUnsubscribe).matches("<" + java.util.regex.Pattern.quote(ONE_CLICK_UNSUBSCRIBE)
                + "[^>]+>, <mailto:abmelden@stadtretter\\.local\\?subject=unsubscribe%20[^>]+>");
        assertThat(TestMail.header(all, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        UUID mailId = jdbc.sql("select id from digest_mail where recipient = :e").param("e", everything)
                .query(UUID.class).single();
        assertThat(all.getMessageID()).isEqualTo("<digest." + mailId + "@stadtretter.local>");

        // nothing new: no mail; the weekly digest brings the same items to its own subscribers
        assertThat(runDigest("DAILY")).isZero();
        assertThat(runDigest("WEEKLY")).isGreaterThanOrEqualTo(1);
        awaitAllSent();
        assertThat(digestsTo(everything)).hasSize(1);
        assertThat(digestsTo(weekly)).hasSize(1);
        assertThat(TestMail.text(digestsTo(weekly).getFirst())).contains(flensburg, munich, partner, need);

        // one click in the mail program: a POST to the header's URL, no page, no form
        String oneClick = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>'));
        mvc.perform(post(java.net.URI.create(oneClick.substring(BASE_URL.length()))).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        assertThat(statusOf(everything)).isEqualTo("UNSUBSCRIBED");
        events.publishCase("Nach der Abmeldung " + tag, "01001000", "Flensburg, Stadt", "SH", "leerstand");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from digest_item where title = :t").param("t", "Nach der Abmeldung " + tag)
                .query(Long.class).single() == 1);
        runDigest("DAILY");
        awaitAllSent();
        assertThat(digestsTo(everything)).hasSize(1);
        assertThat(TestMail.text(digestsTo(onlySh).getLast())).contains("Nach der Abmeldung " + tag);
    }

    @Test
    void atMostTwentyItemsWithALinkToTheRest() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reader = confirmedSubscriber("viel", Map.of("topics", List.of("citylogistik"), "frequency", "DAILY"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(events().publishCase("Lieferverkehr " + i + " " + tag, "01001000", "Flensburg, Stadt", "SH",
                    "citylogistik"));
        }
        awaitItems(ids.toArray(UUID[]::new));
        runDigest("DAILY");
        awaitAllSent();
        MimeMessage mail = digestsTo(reader).getFirst();
        String text = TestMail.text(mail);
        assertThat(text.split("Lieferverkehr ", -1)).hasSize(21);
        assertThat(text).contains("Dazu kommen 3 weitere Einträge", BASE_URL + "/suche?sort=newest&topic=citylogistik");
        assertThat(TestMail.subject(mail)).isEqualTo("Ihr Stadtretter-Tagesüberblick: 20 neue Einträge");
    }

    @Test
    void aRunCutOffMidwayGoesOnWithoutSendingAnyoneTwiceAndParallelRunsShareTheWork() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readers.add(confirmedSubscriber("resume" + i, Map.of("topics", List.of("organisation"),
                    "frequency", "WEEKLY")));
        }
        UUID item = events().publishCase("Citymanagement " + tag, "01001000", "Flensburg, Stadt", "SH",
                "organisation");
        awaitItems(item);
        // a run that stopped after the first three subscribers: its row, its cursor and those mails exist
        Instant slot = Instant.now();
        List<UUID> ordered = jdbc.sql("select id from subscription where email = any(:e) order by id")
                .param("e", readers.toArray(String[]::new)).query(UUID.class).list();
        UUID run = UUID.randomUUID();
        // its instance died: no batch for ten minutes
        jdbc.sql("insert into digest_run (id, frequency, slot, since, cursor, heartbeat_at) values (:id, 'WEEKLY', "
                        + ":slot, :since, :cursor, now() - interval '10 minutes')")
                .param("id", run).param("slot", java.sql.Timestamp.from(slot))
                .param("since", java.sql.Timestamp.from(slot.minus(Duration.ofHours(1))))
                .param("cursor", ordered.get(2)).update();
        for (UUID subscriber : ordered.subList(0, 3)) {
            UUID mail = UUID.randomUUID();
            jdbc.sql("insert into sent_item (subscription_id, kind, item_id, sent_in) values (:s, 'CASE', :i, :m)")
                    .param("s", subscriber).param("i", item).param("m", mail).update();
            jdbc.sql("insert into digest_mail (id, run_id, subscription_id, recipient, frequency) "
                            + "select :m, :r, id, email, 'WEEKLY' from subscription where id = :s")
                    .param("m", mail).param("r", run).param("s", subscriber).update();
        }
        // the resumed run and two more started at the same time, as by several replicas
        var resumed = CompletableFuture.supplyAsync(runner::resumeUnfinished);
        var second = CompletableFuture.supplyAsync(() -> runner.run(
                de.stadtretter.notification.subscriptions.domain.Preferences.Frequency.WEEKLY, Instant.now()));
        var third = CompletableFuture.supplyAsync(() -> runner.run(
                de.stadtretter.notification.subscriptions.domain.Preferences.Frequency.WEEKLY, Instant.now()));
        CompletableFuture.allOf(resumed, second, third).get();
        awaitAllSent();
        for (String reader : readers) {
            assertThat(digestsTo(reader)).as("digests to %s", reader).hasSize(1);
            assertThat(TestMail.subject(digestsTo(reader).getFirst())).isEqualTo("Neues Praxisbeispiel: Citymanagement "
                    + tag);
        }
        assertThat(jdbc.sql("select finished_at is not null from digest_run where id = :id").param("id", run)
                .query(Boolean.class).single()).isTrue();
    }
}
