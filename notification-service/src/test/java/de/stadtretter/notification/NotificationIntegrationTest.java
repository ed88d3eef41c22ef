package de.stadtretter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
@EmbeddedKafka(partitions = 3, topics = {"catalog.case.v1", "catalog.case.v1-dlt", "partner.profile.v1",
    "partner.profile.v1-dlt", "partner.contact.v1", "partner.contact.v1-dlt", "matching.match.v1",
    "matching.match.v1-dlt", "matching.need.v1", "matching.need.v1-dlt"})
@TestPropertySource(properties = {
    "logging.structured.format.console=",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "stadtretter.notification.public-base-url=" + NotificationIntegrationTest.BASE_URL,
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
        mvc.perform(post("/api/notifications/subscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new Request(email, topics))))
                .andExpect(status().isAccepted());
        return TestMail.await(email, SubscriptionService.CONFIRMATION_SUBJECT, expectedMails);
    }

    /** A subscriber who went through the whole double opt-in. */
    protected String confirmedSubscriber(String who, List<String> topics) throws Exception {
        String email = newAddress(who);
        MimeMessage mail = requestSubscription(email, topics, 1);
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

    record Request(String email, List<String> topics) {}
}
