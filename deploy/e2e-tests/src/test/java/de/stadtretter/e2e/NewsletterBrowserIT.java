package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import de.stadtretter.e2e.support.Browser;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.e2e.support.Subscriber;

/**
 * A visitor subscribes through the portal's form by keyboard, confirms from the mail (double opt-in) and ends the
 * subscription from the link in it, every page checked by axe-core.
 */
@ExtendWith(StadtretterPlatform.class)
class NewsletterBrowserIT {

    @Test
    void aVisitorSubscribesConfirmsFromTheMailAndUnsubscribes() {
        String address = Subscriber.newAddress("browser");
        try (Browser b = new Browser("newsletter")) {
            b.open(Endpoints.GATEWAY + "/");
            b.activate("Newsletter", 10);
            b.waitFor(x -> x.url().endsWith("/newsletter"), "the newsletter form");
            assertThat(b.check("form")).isEqualTo("Newsletter – Stadtretter");

            // without a topic: an error, the address stays
            b.fill("email", address, 20);
            // past the preferences (topics, kinds, Länder, town types, frequency) and the consent
            b.activate("Abonnieren", 80);
            b.waitFor(x -> x.title().startsWith("Fehler:"), "the form with an error");
            b.check("form-error");
            assertThat(b.find(By.id("topics-error")).getText()).contains("Bitte wählen Sie mindestens ein Thema.");
            assertThat(b.find(By.id("email")).getAttribute("value")).isEqualTo(address);
            b.tabTo(el -> "topic-events".equals(el.getAttribute("id")), "the topic Events", 30);
            b.press(Keys.SPACE);
            b.tabTo(el -> "consent-ja".equals(el.getAttribute("id")), "the consent", 60);
            b.press(Keys.SPACE);
            b.activate("Abonnieren", 20);
            b.waitFor(x -> x.text().contains("Bitte bestätigen Sie Ihr Abonnement"), "the request is sent");
            b.check("requested");

            MailClient.Mail mail = Endpoints.mail().await(address,
                    m -> Subscriber.CONFIRMATION_SUBJECT.equals(m.subject()), Subscriber.MAIL_TIMEOUT);
            URI confirm = Subscriber.confirmLink(mail);
            b.open(confirm.toString());
            assertThat(b.check("confirm")).isEqualTo("Abonnement bestätigen – Stadtretter");
            b.activate("Abonnement bestätigen", 20);
            b.waitFor(x -> x.text().contains("Ihr Abonnement ist bestätigt"), "confirmed");
            b.check("confirmed");
            assertThat(b.text()).contains("Events");

            // the link works once
            b.open(confirm.toString());
            b.activate("Abonnement bestätigen", 20);
            b.waitFor(x -> x.text().contains("Dieser Link ist nicht (mehr) gültig"), "the used link");
            b.check("used-link");

            b.open(Subscriber.unsubscribeLink(mail).toString());
            assertThat(b.check("unsubscribe")).isEqualTo("Abonnement beenden – Stadtretter");
            b.activate("Abonnement beenden", 20);
            b.waitFor(x -> x.text().contains("Ihr Abonnement ist beendet"), "unsubscribed");
            b.check("unsubscribed");
        }
    }
}
