package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import de.stadtretter.e2e.support.Browser;
import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.Json;
import de.stadtretter.e2e.support.KafkaClient;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.e2e.support.Subscriber;

/**
 * The digest journey on the whole platform, by keyboard and checked by axe-core: a visitor subscribes in the portal
 * for one Land and a daily digest, confirms from the mail, gets a daily digest (run by the admin endpoint) with only
 * the matching case, changes the preferences through the link in it, and leaves with the one-click unsubscribe of
 * the mail's header.
 */
@ExtendWith(StadtretterPlatform.class)
class DigestJourneyBrowserIT {

    private static final String TOPIC = "citylogistik";

    @Test
    void aVisitorSubscribesForALandGetsADailyDigestWithOnlyItsItemsChangesItAndLeavesInOneClick() throws Exception {
        String address = Subscriber.newAddress("digest");
        try (Browser b = new Browser("digest")) {
            b.open(Endpoints.GATEWAY + "/newsletter");
            assertThat(b.check("form")).isEqualTo("Newsletter – Stadtretter");
            b.fill("email", address, 20);
            b.tabTo(el -> ("topic-" + TOPIC).equals(el.getAttribute("id")), "the topic", 40);
            b.press(Keys.SPACE);
            b.tabTo(el -> "land-SH".equals(el.getAttribute("id")), "Schleswig-Holstein", 40);
            b.press(Keys.SPACE);
            // the radio group is one tab stop at its checked radio (weekly); the arrow key moves to daily
            b.tabTo(el -> "frequency-WEEKLY".equals(el.getAttribute("id")), "the frequency", 40);
            b.press(Keys.ARROW_UP);
            assertThat(b.find(By.id("frequency-DAILY")).isSelected()).isTrue();
            b.tabTo(el -> "consent-ja".equals(el.getAttribute("id")), "the consent", 10);
            b.press(Keys.SPACE);
            b.activate("Abonnieren", 10);
            b.waitFor(x -> x.text().contains("Bitte bestätigen Sie Ihr Abonnement"), "the request is sent");
            b.check("requested");

            MailClient.Mail confirmation = Endpoints.mail().await(address,
                    m -> Subscriber.CONFIRMATION_SUBJECT.equals(m.subject()), Subscriber.MAIL_TIMEOUT);
            b.open(Subscriber.confirmLink(confirmation).toString());
            b.activate("Abonnement bestätigen", 20);
            b.waitFor(x -> x.text().contains("Ihr Abonnement ist bestätigt"), "confirmed");
            b.check("confirmed");

            // one case in Schleswig-Holstein, one in Saxony, both on the topic; both consumed by the service
            String flensburg;
            String leipzig;
            try (KafkaClient.Reader cases = Endpoints.kafka().readerFromBeginning("catalog.case.v1")) {
                flensburg = publish("kommune", Endpoints.KOMMUNE_AGS, "Digest Flensburg");
                leipzig = publish("kommune2", "14713000", "Digest Leipzig");
                // one pass over the topic: both events, wherever they are
                java.util.Map<String, org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events =
                        new java.util.HashMap<>();
                cases.await(r -> {
                    for (String title : List.of(flensburg, leipzig)) {
                        if (r.value().contains(title)) {
                            events.put(title, r);
                        }
                    }
                    return events.size() == 2;
                }, Subscriber.MAIL_TIMEOUT);
                awaitConsumed(events.get(flensburg));
                awaitConsumed(events.get(leipzig));
            }
            String admin = Endpoints.keycloak().token("admin", Endpoints.DEMO_PASSWORD);
            HttpResponse<String> run = Endpoints.gateway().post("/api/notifications/admin/digests/DAILY/runs", admin,
                    "");
            assertThat(run.statusCode()).as("digest run: %s", run.body()).isEqualTo(202);
            assertThat(run.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).startsWith("/api/notifications/admin/digests/runs/"));
            MailClient.Mail digest = Endpoints.mail().await(address,
                    m -> m.subject().equals("Neues Praxisbeispiel: " + flensburg), Subscriber.MAIL_TIMEOUT);
            assertThat(digest.body()).contains(flensburg, "Einstellungen ändern oder pausieren").doesNotContain(leipzig);
            assertThat(Endpoints.mail().inbox(address)).hasSize(2);

            // the preferences by the personal link: weekly now, and Saxony too
            URI preferences = Subscriber.link(digest, java.util.regex.Pattern.compile(
                    "http://localhost:8080/newsletter/einstellungen\\?token=[A-Za-z0-9_%-]+"));
            b.open(preferences.toString());
            assertThat(b.check("preferences")).isEqualTo("Ihre Newsletter-Einstellungen – Stadtretter");
            assertThat(b.find(By.id("land-SH")).isSelected()).isTrue();
            b.tabTo(el -> "land-SN".equals(el.getAttribute("id")), "Sachsen", 60);
            b.press(Keys.SPACE);
            b.tabTo(el -> "frequency-DAILY".equals(el.getAttribute("id")), "the frequency", 40);
            b.press(Keys.ARROW_DOWN);
            b.activate("Einstellungen speichern", 10);
            b.waitFor(x -> x.text().contains("Ihre Einstellungen sind gespeichert."), "saved");
            b.check("preferences-saved");
            assertThat(b.find(By.id("frequency-WEEKLY")).isSelected()).isTrue();
            assertThat(b.find(By.id("land-SN")).isSelected()).isTrue();
        }

        // one click in the mail program: a POST to the header's URL, without a page or a form
        URI oneClick = Endpoints.mail().await(address, m -> m.subject().startsWith("Neues Praxisbeispiel"),
                Subscriber.MAIL_TIMEOUT).oneClickUnsubscribe();
        HttpResponse<String> unsubscribed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(oneClick)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        String token = oneClick.getQuery().substring("token=".length());
        HttpResponse<String> state = Endpoints.gateway().get("/api/notifications/subscriptions/preferences?token="
                + token, null);
        assertThat(Json.object(state.body())).containsEntry("status", "UNSUBSCRIBED");
    }

    private static String publish(String kommune, String ags, String purpose) {
        String title = Cases.newTitle(purpose);
        String token = Endpoints.keycloak().token(kommune, Endpoints.DEMO_PASSWORD);
        String id = (String) Cases.create(token, title, ags, List.of(TOPIC)).get("id");
        Cases.submit(token, id);
        Cases.publish(Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD), id);
        return title;
    }

    /** Waits until notification-service's consumer group has committed past the record. */
    private static void awaitConsumed(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record)
            throws InterruptedException {
        long end = System.nanoTime() + Subscriber.MAIL_TIMEOUT.toNanos();
        while (Endpoints.kafka().committedOffset("notification-service", record.topic(), record.partition())
                <= record.offset()) {
            assertThat(System.nanoTime()).as("notification-service consumed %s", record.key()).isLessThan(end);
            Thread.sleep(200);
        }
    }
}
