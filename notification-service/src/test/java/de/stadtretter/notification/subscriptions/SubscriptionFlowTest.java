package de.stadtretter.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.subscriptions.domain.SubscriptionService;
import de.stadtretter.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;

class SubscriptionFlowTest extends NotificationIntegrationTest {

    private static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";

    @Test
    void doubleOptInThroughTheLinkInTheMail() throws Exception {
        String email = newAddress("Anna.Schmidt");
        String answer = mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"  " + email + " \",\"topics\":[\"leerstand\",\"marketing\"]}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        String normalised = email.toLowerCase();
        assertThat(statusOf(normalised)).isEqualTo("PENDING");

        MimeMessage mail = TestMail.await(normalised, SubscriptionService.CONFIRMATION_SUBJECT);
        assertThat(mail.getFrom()[0].toString()).contains("noreply@stadtretter.local");
        assertThat(TestMail.text(mail)).contains("Guten Tag", label("leerstand"), label("marketing"))
                .doesNotContain("[(");
        assertThat(TestMail.header(mail, "List-Unsubscribe")).startsWith("<" + ONE_CLICK_UNSUBSCRIBE);
        String link = TestMail.link(mail, CONFIRM_LINK);
        assertThat(TestMail.html(mail)).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        // only the hash of the token is stored
        String token = tokenOf(link);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.sql("select count(*) from subscription where confirmation_token_hash = :t")
                .param("t", token).query(Long.class).single()).isZero();

        // a GET (e.g. a mail scanner prefetching the link) only shows the form
        mvc.perform(get(servicePageOf(link)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Abonnement bestätigen")))
                .andExpect(content().string(containsString("method=\"post\"")))
                .andExpect(content().string(containsString("value=\"" + token + "\"")))
                .andExpect(content().string(containsString("<title>Abonnement bestätigen – Stadtretter</title>")))
                .andExpect(content().string(containsString("href=\"/api/notifications/assets/pages.css\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<style"))))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        assertThat(statusOf(normalised)).isEqualTo("PENDING");
        // its stylesheet is served to anonymous visitors (a file, so the gateway's CSP needs no inline styles)
        mvc.perform(get("/api/notifications/assets/pages.css"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")))
                .andExpect(content().string(containsString("font-family")));
        mvc.perform(head("/api/notifications/assets/pages.css")).andExpect(status().isOk());

        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ihr Abonnement ist bestätigt")));
        assertThat(statusOf(normalised)).isEqualTo("CONFIRMED");
        assertThat(topicsOf(normalised)).containsExactly("leerstand", "marketing");

        // the link works once
        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", token)).andExpect(status().isNotFound());
        assertThat(answer).doesNotContain(normalised);
    }

    @Test
    void repeatedRequestRenewsTheTokenAndChangesAConfirmedSubscriptionOnlyAfterConfirmation() throws Exception {
        String email = newAddress("repeat");
        MimeMessage first = requestSubscription(email, List.of("leerstand"), 1);
        MimeMessage second = requestSubscription(email, List.of("leerstand"), 2);
        String firstToken = tokenOf(TestMail.link(first, CONFIRM_LINK));
        String secondToken = tokenOf(TestMail.link(second, CONFIRM_LINK));
        assertThat(secondToken).isNotEqualTo(firstToken);
        mvc.perform(get(SUBSCRIPTIONS + "/confirm").param("token", firstToken)).andExpect(status().isNotFound());
        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", secondToken)).andExpect(status().isOk());
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");

        // a request for a confirmed address: same answer, and nothing changes until it is confirmed
        String answer = mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"topics\":[\"citylogistik\"]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String unknownAnswer = mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + newAddress("fresh") + "\",\"topics\":[\"citylogistik\"]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(answer).isEqualTo(unknownAnswer);
        MimeMessage third = TestMail.await(email, SubscriptionService.CONFIRMATION_SUBJECT, 3);
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");
        assertThat(topicsOf(email)).containsExactly("leerstand");

        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", tokenOf(TestMail.link(third, CONFIRM_LINK))))
                .andExpect(status().isOk());
        assertThat(topicsOf(email)).containsExactly("citylogistik");
    }

    @Test
    void atMostThreeConfirmationMailsGoToOneAddressPerHour() throws Exception {
        String email = newAddress("flood");
        MimeMessage first = requestSubscription(email, List.of("leerstand"), 1);
        requestSubscription(email, List.of("leerstand"), 2);
        MimeMessage third = requestSubscription(email, List.of("marketing"), 3);

        // the fourth request is answered like any other, but changes and sends nothing
        String answer = mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"topics\":[\"events\"]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("PENDING");
        // the confirmation mail is sent before the answer: a fourth one would be there by now
        assertThat(TestMail.to(email, SubscriptionService.CONFIRMATION_SUBJECT)).hasSize(3);

        // the latest link sent still works and confirms the topics it was sent for
        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", tokenOf(TestMail.link(third, CONFIRM_LINK))))
                .andExpect(status().isOk());
        assertThat(topicsOf(email)).containsExactly("marketing");
        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", tokenOf(TestMail.link(first, CONFIRM_LINK))))
                .andExpect(status().isNotFound());
    }

    @Test
    void invalidInputIsAProblemNamingTheFields() throws Exception {
        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-address\",\"topics\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("topics")));

        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@example.org\",\"topics\":[\"leerstand\",\"kein-thema\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("topics")))
                .andExpect(jsonPath("$.errors[*].field").value(not(hasItem("email"))));

        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON).content("{\"topics\":[\"leerstand\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")));

        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"a@b.de\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://stadtretter.de/problems/malformed-request"));
        assertThat(jdbc.sql("select count(*) from subscription where email in ('not-an-address', 'a@example.org')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void unknownOrExpiredLinksShowAGermanPageNotAnError() throws Exception {
        for (String path : List.of("/confirm", "/unsubscribe")) {
            mvc.perform(get(SUBSCRIPTIONS + path).param("token", "unbekannt"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("nicht (mehr) gültig")));
            mvc.perform(post(SUBSCRIPTIONS + path).param("token", "unbekannt")).andExpect(status().isNotFound());
            mvc.perform(get(SUBSCRIPTIONS + path)).andExpect(status().isNotFound());
        }

        String email = newAddress("late");
        String token = tokenOf(TestMail.link(requestSubscription(email, List.of("events"), 1), CONFIRM_LINK));
        jdbc.sql("update subscription set confirmation_expires_at = now() - interval '1 minute' where email = :e")
                .param("e", email).update();
        mvc.perform(get(SUBSCRIPTIONS + "/confirm").param("token", token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("abgelaufen")));
        mvc.perform(post(SUBSCRIPTIONS + "/confirm").param("token", token)).andExpect(status().isGone());
        assertThat(statusOf(email)).isEqualTo("PENDING");
    }

    @Test
    void thePortalConfirmsAndUnsubscribesWithTheTokenOfTheLink() throws Exception {
        String email = newAddress("portal");
        MimeMessage mail = requestSubscription(email, List.of("events", "leerstand"), 1);
        String token = tokenOf(TestMail.link(mail, CONFIRM_LINK));
        mvc.perform(post(SUBSCRIPTIONS + "/confirmations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"" + token + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.topics", hasItem(label("events"))));
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");
        // the token is used up
        mvc.perform(post(SUBSCRIPTIONS + "/confirmations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"" + token + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(SUBSCRIPTIONS + "/confirmations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("token"));

        String unsubscribe = tokenOf(TestMail.link(mail, UNSUBSCRIBE_LINK));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(SUBSCRIPTIONS + "/unsubscriptions").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"token\": \"" + unsubscribe + "\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNSUBSCRIBED"));
        }
        assertThat(statusOf(email)).isEqualTo("UNSUBSCRIBED");
        mvc.perform(post(SUBSCRIPTIONS + "/unsubscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"unbekannt\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void everythingElseNeedsAToken() throws Exception {
        mvc.perform(get("/api/notifications/deliveries"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(SUBSCRIPTIONS)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/notifications/deliveries")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.get().token("redakteur", "redaktion", "stadtretter")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private static String label(String topic) {
        return ReferenceData.get().topic(topic).orElseThrow().labelDe();
    }

    private List<String> topicsOf(String email) {
        return jdbc.sql("select unnest(topics) from subscription where email = :email").param("email", email)
                .query(String.class).list();
    }
}
