package de.stadtretter.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.subscriptions.consent.ClientAddresses;
import de.stadtretter.notification.subscriptions.consent.ConsentText;
import de.stadtretter.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;

/** Preferences, proof of consent, the limit per client address, the personal link and the member's subscription. */
class SubscriptionPreferencesTest extends NotificationIntegrationTest {

    private static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";
    private static final String PREFERENCES = SUBSCRIPTIONS + "/preferences";

    private static String admin() {
        return "Bearer " + TestTokens.get().token("admin", "admin", "stadtretter");
    }

    @Test
    void allPreferencesAreTakenAndConfirmedWithProofOfConsent() throws Exception {
        String email = newAddress("praeferenzen");
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(post(SUBSCRIPTIONS).with(from("203.0.113.77")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", email, "topics", List.of("leerstand"),
                                "laender", List.of("SH", "HH"), "townTypes", List.of("21"),
                                "kinds", List.of("CASES", "NEEDS"), "frequency", "DAILY",
                                "consentVersion", ConsentText.VERSION))))
                .andExpect(status().isAccepted());
        MimeMessage mail = TestMail.await(email, "Bitte bestätigen Sie Ihr Abonnement bei Stadtretter");
        String token = tokenOf(TestMail.link(mail, CONFIRM_LINK));
        // the mail went through the queue; once sent, its token is no longer kept in clear
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select status || ':' || token from confirmation_mail where recipient = :e").param("e", email)
                .query(String.class).single().equals("SENT:"));
        // not in force before the confirmation
        mvc.perform(get(PREFERENCES).param("token", personalToken(email)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.frequency").value("DAILY"));
        mvc.perform(post(SUBSCRIPTIONS + "/confirmations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value(personalToken(email)));

        mvc.perform(get(PREFERENCES).param("token", personalToken(email)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.paused").value(false))
                .andExpect(jsonPath("$.topics", org.hamcrest.Matchers.equalTo(List.of("leerstand"))))
                .andExpect(jsonPath("$.laender", org.hamcrest.Matchers.equalTo(List.of("SH", "HH"))))
                .andExpect(jsonPath("$.townTypes", org.hamcrest.Matchers.equalTo(List.of("21"))))
                .andExpect(jsonPath("$.kinds", org.hamcrest.Matchers.equalTo(List.of("CASES", "NEEDS"))))
                .andExpect(jsonPath("$.frequency").value("DAILY"));

        String consents = mvc.perform(get("/api/notifications/admin/consents").param("email", email.toUpperCase())
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].method").value("DOUBLE_OPT_IN"))
                .andExpect(jsonPath("$[0].consentVersion").value(ConsentText.VERSION))
                .andExpect(jsonPath("$[0].consentText").value(ConsentText.TEXT))
                .andExpect(jsonPath("$[0].ipPrefix").value("203.0.113.0/24"))
                .andExpect(jsonPath("$[0].preferences", containsString("DAILY")))
                .andReturn().getResponse().getContentAsString();
        var record = json.readTree(consents).get(0);
        Instant requested = Instant.parse(record.get("requestedAt").asString());
        Instant confirmed = Instant.parse(record.get("confirmedAt").asString());
        assertThat(requested).isAfter(before);
        assertThat(confirmed).isAfterOrEqualTo(requested);
        assertThat(record.get("withdrawnAt").isNull()).isTrue();

        mvc.perform(get("/api/notifications/admin/consents").param("email", email)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/notifications/admin/consents").param("email", email)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.get().token("k", "kommune", "01001000")))
                .andExpect(status().isForbidden());
    }

    @Test
    void addressesAreKeptShortenedOnly() {
        assertThat(ClientAddresses.prefix("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(ClientAddresses.prefix("2001:db8:1234:5678:9abc::1")).isEqualTo("2001:db8:1234::/48");
        assertThat(ClientAddresses.prefix("::1")).isEqualTo("::/48");
        assertThat(ClientAddresses.prefix("evil.example.org")).isNull();
        assertThat(ClientAddresses.prefix(null)).isNull();
    }

    @Test
    void theFoundationsBodyMeansWeeklyNewCases() throws Exception {
        String email = confirmedSubscriber("grundlage", Map.of("topics", List.of("marketing")));
        mvc.perform(get(PREFERENCES).param("token", personalToken(email)))
                .andExpect(jsonPath("$.kinds", org.hamcrest.Matchers.equalTo(List.of("CASES"))))
                .andExpect(jsonPath("$.frequency").value("WEEKLY"))
                .andExpect(jsonPath("$.laender", org.hamcrest.Matchers.equalTo(List.of())))
                .andExpect(jsonPath("$.townTypes", org.hamcrest.Matchers.equalTo(List.of())));
    }

    @Test
    void tenRequestsPerClientAddressAndHourThenTooManyRequests() throws Exception {
        String client = "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250);
        for (int i = 0; i < 10; i++) {
            mvc.perform(post(SUBSCRIPTIONS).with(from(client)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\":\"" + newAddress("flut" + i) + "\",\"topics\":[\"leerstand\"]}"))
                    .andExpect(status().isAccepted());
        }
        String eleventh = newAddress("flut-elf");
        mvc.perform(post(SUBSCRIPTIONS).with(from(client)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + eleventh + "\",\"topics\":[\"leerstand\"]}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("application/problem+json")))
                .andExpect(result -> assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After")))
                        .isBetween(1L, 3600L));
        assertThat(jdbc.sql("select count(*) from subscription where email = :e").param("e", eleventh)
                .query(Long.class).single()).isZero();
        // another client is not affected
        mvc.perform(post(SUBSCRIPTIONS).with(from("198.51.100.251")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + newAddress("anderer") + "\",\"topics\":[\"leerstand\"]}"))
                .andExpect(status().isAccepted());
    }

    @Test
    void badPreferencesAreNamedAndAStaleConsentTextIsAConflict() throws Exception {
        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.org\",\"topics\":[\"leerstand\"],\"laender\":[\"XX\"],"
                                + "\"townTypes\":[\"99\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("laender", "townTypes")));
        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.org\",\"topics\":[\"leerstand\"],\"frequency\":\"HOURLY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("frequency")));
        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.org\",\"topics\":[\"leerstand\"],\"kinds\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("kinds")));
        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.org\",\"topics\":[\"leerstand\"],\"consentVersion\":\"1999\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get(SUBSCRIPTIONS + "/consent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(ConsentText.VERSION))
                .andExpect(jsonPath("$.text").value(ConsentText.TEXT));
    }

    @Test
    void thePersonalLinkChangesPausesAndResumes() throws Exception {
        String email = confirmedSubscriber("link", Map.of("topics", List.of("leerstand")));
        String token = personalToken(email);
        mvc.perform(put(PREFERENCES).param("token", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topics\":[\"marketing\",\"events\"],\"laender\":[\"BY\"],\"townTypes\":[],"
                                + "\"kinds\":[\"PARTNERS\"],\"frequency\":\"IMMEDIATE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.topics", org.hamcrest.Matchers.equalTo(List.of("marketing", "events"))))
                .andExpect(jsonPath("$.frequency").value("IMMEDIATE"));
        assertThat(jdbc.sql("select frequency from subscription where email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("IMMEDIATE");
        mvc.perform(post(PREFERENCES + "/pause").param("token", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.paused").value(true));
        mvc.perform(post(PREFERENCES + "/resume").param("token", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.paused").value(false));
        mvc.perform(put(PREFERENCES).param("token", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topics\":[\"gibt-es-nicht\"],\"kinds\":[\"CASES\"],\"frequency\":\"DAILY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topics"));
        mvc.perform(get(PREFERENCES).param("token", "unbekannt")).andExpect(status().isNotFound());
        mvc.perform(post(PREFERENCES + "/pause").param("token", "unbekannt")).andExpect(status().isNotFound());

        // after unsubscribing, changing is a conflict: a new subscription needs a new confirmation
        mvc.perform(post(SUBSCRIPTIONS + "/unsubscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(PREFERENCES + "/pause").param("token", token)).andExpect(status().isConflict());
    }

    @Test
    void erasingLeavesOnlyTheProofOfConsentForAsLongAsTheLawNeeds() throws Exception {
        String email = confirmedSubscriber("loeschen", Map.of("topics", List.of("leerstand")));
        String token = personalToken(email);
        int nextYear = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() + 1;
        Instant expected = LocalDate.of(nextYear + 3, 1, 1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
        mvc.perform(delete(PREFERENCES).param("token", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ERASED"))
                .andExpect(jsonPath("$.consentProofKeptUntil").value(expected.toString()));
        assertThat(jdbc.sql("select count(*) from subscription where email = :e").param("e", email)
                .query(Long.class).single()).isZero();
        mvc.perform(get(PREFERENCES).param("token", token)).andExpect(status().isNotFound());
        mvc.perform(get("/api/notifications/admin/consents").param("email", email)
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].withdrawnAt").isNotEmpty())
                .andExpect(jsonPath("$[0].keepUntil").value(expected.toString()));
    }

    @Test
    void aMemberManagesTheSubscriptionOfTheirAccount() throws Exception {
        String member = "mitglied-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String bearer = "Bearer " + TestTokens.get().token(member, "kommune", "01001000");
        String email = member + "@test.stadtretter.example";
        mvc.perform(get("/api/notifications/me/subscription").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isNotFound());
        String body = "{\"topics\":[\"leerstand\"],\"laender\":[\"SH\"],\"kinds\":[\"CASES\",\"NEEDS\"],"
                + "\"frequency\":\"DAILY\"";
        mvc.perform(put("/api/notifications/me/subscription").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(body + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consentVersion"));
        mvc.perform(put("/api/notifications/me/subscription").header(HttpHeaders.AUTHORIZATION, bearer)
                        .with(from("203.0.113.9"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body + ",\"consentVersion\":\"" + ConsentText.VERSION + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.email").value(email));
        // no confirmation mail: the account's address is verified
        assertThat(TestMail.to(email)).isEmpty();
        mvc.perform(put("/api/notifications/me/subscription").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"topics\":[\"marketing\"],"
                                + "\"kinds\":[\"CASES\"],\"frequency\":\"WEEKLY\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.topics", org.hamcrest.Matchers.equalTo(List.of("marketing"))));
        mvc.perform(get("/api/notifications/admin/consents").param("email", email)
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].method").value("ACCOUNT"))
                .andExpect(jsonPath("$[0].ipPrefix").value("203.0.113.0/24"))
                .andExpect(jsonPath("$[0].confirmedAt").isNotEmpty());
        mvc.perform(delete("/api/notifications/me/subscription").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/notifications/me/subscription").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNSUBSCRIBED"));
        mvc.perform(get("/api/notifications/me/subscription")).andExpect(status().isUnauthorized());
    }
}
