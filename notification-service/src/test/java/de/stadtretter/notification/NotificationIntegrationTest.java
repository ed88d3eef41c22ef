package de.stadtretter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import de.stadtretter.testing.TestPostgres;
import de.stadtretter.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of this module's integration tests, on real infrastructure: embedded PostgreSQL,
 * an embedded KRaft Kafka broker, GreenMail as SMTP server and a JWKS endpoint for access tokens.
 */
// spring-kafka 4 brokers always run in KRaft mode (the attribute kraft = true no longer exists)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(TestClients.class)
@EmbeddedKafka(partitions = 3, topics = {"catalog.case.v1", "catalog.case.v1-dlt", "partner.profile.v1",
    "partner.profile.v1-dlt", "partner.contact.v1", "partner.contact.v1-dlt", "matching.match.v1",
    "matching.match.v1-dlt", "matching.need.v1", "matching.need.v1-dlt",
    "catalog.review.v1", "catalog.review.v1-dlt", "partner.review.v1", "partner.review.v1-dlt"})
@TestPropertySource(properties = {
    "logging.structured.format.console=",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "stadtretter.notification.public-base-url=" + NotificationIntegrationTest.BASE_URL,
    // the schedule runs, but the daily and weekly crons never fire during a test (the tests run digests themselves)
    "stadtretter.notification.digest.daily-cron=0 0 3 1 1 *",
    "stadtretter.notification.digest.weekly-cron=0 0 3 1 1 *",
    "stadtretter.notification.digest.polling-interval=1s",
    // GreenMail logs every mailbox it creates
    "logging.level.com.icegreen.greenmail=WARN",
})
public abstract class NotificationIntegrationTest {

    public static final String BASE_URL = "http://portal.test";
    /** The portal's pages, where the links of the mails lead. */
    public static final String CONFIRM_LINK = BASE_URL + "/newsletter/bestaetigen?token=";
    public static final String UNSUBSCRIBE_LINK = BASE_URL + "/newsletter/abbestellen?token=";
    /** The one-click unsubscribe of the List-Unsubscribe header, answered by this service. */
    public static final String ONE_CLICK_UNSUBSCRIBE = BASE_URL + "/api/notifications/subscriptions/unsubscribe?token=";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "notification");
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::smtpPort);
    }

    protected static String newAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Asks for a subscription through the API and returns the confirmation mail. */
    protected MimeMessage requestSubscription(String email, List<String> topics, int expectedMails) throws Exception {
        return requestSubscription(email, Map.of("topics", topics), expectedMails);
    }

    /** Asks for a subscription with these preferences (from a client address of its own) and returns the mail. */
    protected MimeMessage requestSubscription(String email, Map<String, ?> preferences, int expectedMails)
            throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(preferences);
        body.put("email", email);
        mvc.perform(post("/api/notifications/subscriptions").contentType(MediaType.APPLICATION_JSON)
                        .with(from(randomClient()))
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isAccepted());
        return TestMail.await(email, SubscriptionService.CONFIRMATION_SUBJECT, expectedMails);
    }

    /** A request from the client address {@code address} (the limit per client counts each on its own). */
    protected static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address of the documentation range 2001:db8::/32, a new one each time. */
    protected static String randomClient() {
        return "2001:db8:" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff))
                + ":" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff))
                + "::1";
    }

    /** A subscriber who went through the whole double opt-in (new cases on {@code topics}, immediately). */
    protected String confirmedSubscriber(String who, List<String> topics) throws Exception {
        return confirmedSubscriber(who, Map.of("topics", topics, "frequency", "IMMEDIATE"));
    }

    /** A subscriber with these preferences who went through the whole double opt-in. */
    protected String confirmedSubscriber(String who, Map<String, ?> preferences) throws Exception {
        String email = newAddress(who);
        MimeMessage mail = requestSubscription(email, preferences, 1);
        String token = tokenOf(TestMail.link(mail, CONFIRM_LINK));
        mvc.perform(post("/api/notifications/subscriptions/confirm").param("token", token))
                .andExpect(status().isOk());
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");
        return email;
    }

    protected String statusOf(String email) {
        return jdbc.sql("select status from subscription where email = :email").param("email", email)
                .query(String.class).single();
    }

    protected static String tokenOf(String link) {
        return java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * This service's own page for the token of a mail link (the portal's pages call the JSON endpoints; these pages
     * answer the one-click unsubscribe and stay for links of older mails).
     */
    protected static String servicePageOf(String link) {
        String token = java.net.URLEncoder.encode(tokenOf(link), java.nio.charset.StandardCharsets.UTF_8);
        return (link.startsWith(CONFIRM_LINK) ? "/api/notifications/subscriptions/confirm?token="
                : "/api/notifications/subscriptions/unsubscribe?token=") + token;
    }

    /**
     * Waits until an immediate run has taken the item (received before the run's slot) and no digest is waiting to
     * be sent any more.
     */
    protected void awaitImmediateMailsOf(UUID itemId) {
        org.awaitility.Awaitility.await("immediate mails of " + itemId).atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> jdbc.sql("""
                        select exists (select 1 from digest_item i, digest_run r
                                       where i.item_id = :id and r.frequency = 'IMMEDIATE'
                                         and r.finished_at is not null and r.slot >= i.received_at)
                           and not exists (select 1 from digest_mail where status = 'PENDING')""")
                        .param("id", itemId).query(Boolean.class).single());
    }

    /** The subscription's own token (of the personal links in its mails). */
    protected String personalToken(String email) {
        UUID id = jdbc.sql("select id from subscription where email = :email").param("email", email)
                .query(UUID.class).single();
        return tokens.unsubscribeToken(id);
    }

    @Autowired
    protected de.stadtretter.notification.subscriptions.domain.SubscriptionTokens tokens;
}
