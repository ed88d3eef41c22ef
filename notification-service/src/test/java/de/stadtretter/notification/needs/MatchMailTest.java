package de.stadtretter.notification.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.needs.delivery.MatchMails;
import de.stadtretter.notification.needs.events.MatchFound;
import de.stadtretter.notification.needs.events.NeedClosed;
import de.stadtretter.testing.EventContracts;
import de.stadtretter.testing.MatchingEvents;
import de.stadtretter.testing.TestKafka;
import de.stadtretter.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;

/**
 * Members of a Kommune watch its need; a match from matching.match.v1 is mailed to each of them once, with the
 * reasons and the links; watchers of another Kommune get nothing; closing the need ends the watches.
 */
class MatchMailTest extends NotificationIntegrationTest {

    static final String HUSUM = "01054056";
    static final String KIEL = "01002000";
    static final String SUBJECT = "Neues Praxisbeispiel zu Ihrem Bedarf „Die Händler sollen gemeinsam auftreten“";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MatchMails mails;

    private static MockHttpServletRequestBuilder as(String user, String ags, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.get().token(user, "kommune", ags));
    }

    private static String address(String user) {
        return user + "@test.stadtretter.example";
    }

    @Test
    void eachWatcherOfTheKommuneGetsTheMatchOnceWithReasonsAndLinks() throws Exception {
        UUID need = UUID.randomUUID();
        UUID kase = UUID.randomUUID();
        String first = "husum-" + need.toString().substring(0, 8);
        String second = "husum2-" + need.toString().substring(0, 8);
        String foreign = "kiel-" + need.toString().substring(0, 8);
        mvc.perform(as(first, HUSUM, put("/api/notifications/need-watches/{id}", need))).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(address(first)));
        mvc.perform(as(second, HUSUM, put("/api/notifications/need-watches/{id}", need))).andExpect(status().isOk());
        // someone of another town who knows the id watches it too: the need is not theirs, so no mail
        mvc.perform(as(foreign, KIEL, put("/api/notifications/need-watches/{id}", need))).andExpect(status().isOk());
        mvc.perform(as(first, HUSUM, get("/api/notifications/need-watches/{id}", need))).andExpect(status().isOk());

        String event = MatchingEvents.matchFound(need, HUSUM, "CASE", kase, "Werbegemeinschaft gegründet");
        TestKafka.send(brokers, MatchingEvents.MATCH_TOPIC, need.toString(), event);
        TestKafka.send(brokers, MatchingEvents.MATCH_TOPIC, need.toString(), event.replaceFirst(
                "\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\"")); // announced twice by mistake

        MimeMessage mail = TestMail.await(address(first), SUBJECT);
        TestMail.await(address(second), SUBJECT);
        assertThat(TestMail.text(mail)).contains("Werbegemeinschaft gegründet")
                .contains(BASE_URL + "/praxisbeispiele/" + kase).contains(BASE_URL + "/bedarfe/" + need)
                .contains("- Ihr „Händler … gemeinsam“ entspricht „Werbegemeinschaft“");
        assertThat(TestMail.html(mail)).contains("<li>ähnliche Größe: 90.000 Einwohner (Sie: 23.000)</li>");
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.sent(need) == 2);
        Thread.sleep(1_000);
        assertThat(TestMail.to(address(first))).hasSize(1);
        assertThat(TestMail.to(address(second))).hasSize(1);
        assertThat(TestMail.to(address(foreign))).isEmpty();
        assertThat(jdbc.sql("select string_agg(recipient, '') from match_mail where need_id = :id").param("id", need)
                .query(String.class).single()).isEmpty();
    }

    @Test
    void aStoppedWatchAndAClosedNeedGetNoMoreMails() throws Exception {
        UUID need = UUID.randomUUID();
        String stays = "bleibt-" + need.toString().substring(0, 8);
        String leaves = "geht-" + need.toString().substring(0, 8);
        mvc.perform(as(stays, HUSUM, put("/api/notifications/need-watches/{id}", need))).andExpect(status().isOk());
        mvc.perform(as(leaves, HUSUM, put("/api/notifications/need-watches/{id}", need))).andExpect(status().isOk());
        mvc.perform(as(leaves, HUSUM, delete("/api/notifications/need-watches/{id}", need)))
                .andExpect(status().isNoContent());
        mvc.perform(as(leaves, HUSUM, get("/api/notifications/need-watches/{id}", need)))
                .andExpect(status().isNotFound());

        TestKafka.send(brokers, MatchingEvents.MATCH_TOPIC, need.toString(),
                MatchingEvents.matchFound(need, HUSUM, "PARTNER", UUID.randomUUID(), "Altstadtberatung Nord GmbH"));
        MimeMessage mail = TestMail.await(address(stays),
                "Neuer Partner zu Ihrem Bedarf „Die Händler sollen gemeinsam auftreten“");
        assertThat(TestMail.text(mail)).contains("einen neuen Partner, der").contains(BASE_URL + "/partner/");
        assertThat(TestMail.to(address(leaves))).isEmpty();

        TestKafka.send(brokers, MatchingEvents.NEED_TOPIC, need.toString(), MatchingEvents.needClosed(need, HUSUM));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from need_watch where need_id = :id").param("id", need).query(Long.class)
                .single() == 0);
        mvc.perform(as(stays, HUSUM, put("/api/notifications/need-watches/{id}", need)))
                .andExpect(status().isConflict());
        TestKafka.send(brokers, MatchingEvents.MATCH_TOPIC, need.toString(),
                MatchingEvents.matchFound(need, HUSUM, "CASE", UUID.randomUUID(), "Nach dem Schließen"));
        Thread.sleep(2_000);
        assertThat(TestMail.to(address(stays))).hasSize(1);
    }

    @Test
    void onlyMembersOfAKommuneAndEditorsWatch() throws Exception {
        UUID need = UUID.randomUUID();
        mvc.perform(put("/api/notifications/need-watches/{id}", need)).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/notifications/need-watches/{id}", need).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.get().token("partnerin", "partner", "partner-1")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/notifications/need-watches/{id}", need).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.get().token("redakteur", "redaktion", "stadtretter")))
                .andExpect(status().isOk());
        mvc.perform(as("husum", HUSUM, put("/api/notifications/need-watches/{id}", "keine-uuid")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRecordsFitTheMatchingServicesContract() {
        EventContracts.assertConsumerRecordFits(MatchFound.class,
                MatchingEvents.schema(MatchingEvents.MATCH_FOUND_TYPE),
                MatchingEvents.example(MatchingEvents.MATCH_FOUND_TYPE), "needId", "ags", "needTitle", "itemKind",
                "itemId", "itemTitle", "score", "reasons", "foundAt");
        EventContracts.assertConsumerRecordFits(NeedClosed.class,
                MatchingEvents.schema(MatchingEvents.NEED_CLOSED_TYPE),
                MatchingEvents.example(MatchingEvents.NEED_CLOSED_TYPE), "needId", "closedAt");
    }
}
