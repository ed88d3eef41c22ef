package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import de.stadtretter.e2e.support.Browser;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;

/**
 * The partner journeys in real browsers, by keyboard, with axe-core on every page: a company creates its profile
 * (and first sees the errors of an empty form), the Redaktion verifies it, the company claims a demo case, the Kommune
 * that owns the case confirms it, an anonymous visitor finds the company in the directory with that evidence and on
 * the case's page, and a member sends it a message that arrives as a mail with the member as reply-to.
 */
@ExtendWith(StadtretterPlatform.class)
class PartnerJourneyBrowserIT {

    static final String PORTAL = Endpoints.GATEWAY;

    @Test
    void aCompanyIsVerifiedConfirmedFoundAndContacted() {
        String company = Endpoints.keycloak().token("partner2", Endpoints.DEMO_PASSWORD);
        Endpoints.gateway().delete("/api/partners/" + PartnerFlowIT.PARTNER2, company);
        String word = "Gassenpaten" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "q");
        String name = word + " Stadtberatung";
        String contact = "anfragen-" + UUID.randomUUID().toString().substring(0, 8) + "@partner2.example";
        try (Browser partner = new Browser("partner-profile"); Browser redaktion = new Browser("redaktion-partner");
                Browser kommune = new Browser("kommune-inbox"); Browser visitor = new Browser("visitor-directory")) {
            // the company logs in on its way to its profile: none yet
            partner.open(PORTAL + "/mein-partnerprofil");
            partner.keycloakLogin("partner2", Endpoints.DEMO_PASSWORD, PORTAL + "/mein-partnerprofil");
            assertThat(partner.check("new-profile")).isEqualTo("Mein Partnerprofil – Stadtretter");
            assertThat(partner.text()).contains("Profil anlegen");
            // Flensburg signs in too (the portal registers the members' addresses at the sign-in)
            kommune.open(PORTAL + "/referenzen");
            kommune.keycloakLogin("kommune", Endpoints.DEMO_PASSWORD, PORTAL + "/referenzen");

            // the empty form: the errors in a summary
            partner.activate("Profil zur Prüfung einreichen", 80);
            partner.waitFor(b -> b.text().contains("Bitte prüfen Sie"), "the errors");
            partner.check("profile-errors");
            assertThat(partner.find(By.id("fehler")).getText()).contains("Bitte geben Sie den Namen",
                    "Bitte wählen Sie mindestens ein Thema.", "Bitte geben Sie eine Ansprechperson an.");

            partner.fill("name", name, 80);
            partner.fill("beschreibung", "Wir gewinnen " + word + " für leere Läden in der Altstadt.", 10);
            partner.tabTo(el -> "leerstand".equals(el.getAttribute("value")), "the topic Leerstand", 20);
            partner.press(Keys.SPACE);
            partner.tabTo(el -> "regionen".equals(el.getAttribute("name")) && "SH".equals(el.getAttribute("value")),
                    "Schleswig-Holstein", 30);
            partner.press(Keys.SPACE);
            partner.fill("kontaktName", "Petra Neuling", 30);
            partner.fill("kontaktEmail", contact, 3);
            partner.activate("Profil zur Prüfung einreichen", 10);
            partner.waitFor(b -> b.text().contains("Ihr Profil ist gespeichert"), "the saved profile");
            partner.check("profile-pending");
            assertThat(partner.text()).contains("wartet auf die Prüfung durch die Redaktion");

            // the Redaktion finds it in its queue and verifies it
            redaktion.open(PORTAL + "/redaktion/partner");
            redaktion.keycloakLogin("redaktion", Endpoints.DEMO_PASSWORD, PORTAL + "/redaktion/partner");
            redaktion.check("queue");
            redaktion.activate(name, 60);
            redaktion.waitFor(b -> b.title().startsWith("Prüfung: " + name), "the profile under review");
            redaktion.check("review");
            redaktion.activate("Profil freigeben", 60);
            redaktion.waitFor(b -> b.text().contains("ist geprüft und im Partnerverzeichnis"), "the verification");
            redaktion.check("verified");
            // the company is told by mail
            MailClient.Mail verified = Endpoints.mail().await("partner2@stadtretter.local",
                    m -> m.subject().equals("Ihr Partnerprofil ist freigegeben") && m.body().contains(name),
                    Duration.ofSeconds(60));
            assertThat(verified.body()).contains(PORTAL + "/partner/" + PartnerFlowIT.PARTNER2);

            // the company claims a demo case of Flensburg (choosing it by typing, as in any select)
            partner.open(PORTAL + "/mein-partnerprofil");
            assertThat(partner.text()).contains("Ihr Profil ist geprüft");
            partner.tabTo(el -> "fall".equals(el.getAttribute("id")), "the case", 200);
            partner.type("Leerstandsmanagement mit");
            assertThat(partner.find(By.id("fall")).getDomProperty("value")).isEqualTo(PartnerFlowIT.FLENSBURG_CASE);
            partner.fill("rolle", "Gespräche mit den Eigentümern", 3);
            partner.activate("Referenz angeben", 3);
            partner.waitFor(b -> b.text().contains("Ihre Referenz ist eingetragen"), "the claim");
            partner.check("claimed");
            assertThat(partner.text()).contains("wartet auf die Kommune");

            // Flensburg is asked by mail and confirms it in its inbox
            MailClient.Mail ask = Endpoints.mail().await("kommune@stadtretter.local",
                    m -> m.subject().startsWith("Bitte bestätigen: " + name + " nennt"), Duration.ofSeconds(60));
            assertThat(ask.body()).contains("Gespräche mit den Eigentümern", PORTAL + "/referenzen");
            kommune.open(PORTAL + "/referenzen");
            kommune.check("inbox");
            kommune.activate("Bestätigen: " + name, 80);
            kommune.waitFor(b -> b.text().contains("ist bestätigt und erscheint im Profil"), "the confirmation");
            kommune.check("confirmed");

            // an anonymous visitor finds the company with that evidence
            visitor.open(PORTAL + "/partner");
            visitor.check("directory");
            visitor.fill("q", word, 40);
            visitor.press(Keys.ENTER);
            visitor.waitFor(b -> b.text().contains("1 Partner gefunden"), "the search result");
            visitor.waitFor(b -> {
                if (b.text().contains("1 von einer Kommune bestätigte Referenz")) {
                    return true;
                }
                b.driver().navigate().refresh();
                return false;
            }, "the evidence in the directory");
            visitor.check("found");
            assertThat(visitor.text()).contains("Leerstandsmanagement mit Kataster und Eigentümeransprache");
            visitor.activate(name, 80);
            visitor.waitFor(b -> b.title().startsWith(name), "the partner page");
            visitor.check("profile");
            assertThat(visitor.text()).contains("Von Kommunen bestätigte Referenzen", "Gespräche mit den Eigentümern",
                    "sehen angemeldete Mitglieder");

            // the case shows the company among its partners, linked to its page
            visitor.open(PORTAL + "/praxisbeispiele/" + PartnerFlowIT.FLENSBURG_CASE);
            visitor.waitFor(b -> {
                if (b.text().contains(name)) {
                    return true;
                }
                b.driver().navigate().refresh();
                return false;
            }, "the partner on the case page");
            visitor.check("case-with-partner");
            assertThat(visitor.find(By.linkText(name)).getAttribute("href"))
                    .endsWith("/partner/" + PartnerFlowIT.PARTNER2);

            // a member (Leipzig) writes to the company
            visitor.activate("Anmelden", 200);
            visitor.keycloakLogin("kommune2", Endpoints.DEMO_PASSWORD, PORTAL);
            visitor.open(PORTAL + "/partner/" + PartnerFlowIT.PARTNER2);
            visitor.check("profile-member");
            visitor.fill("betreff", "Frage zu Ihren Gassenpaten", 200);
            visitor.fill("nachricht", "Guten Tag, wie haben Sie die Eigentümer erreicht?", 3);
            visitor.tabTo(el -> "einwilligung".equals(el.getAttribute("id")), "the consent", 3);
            visitor.press(Keys.SPACE);
            visitor.activate("Nachricht senden", 3);
            visitor.waitFor(b -> b.text().contains("Ihre Nachricht ist unterwegs"), "the sent message");
            visitor.check("contacted");
            MailClient.Mail mail = Endpoints.mail().await(contact,
                    m -> m.subject().equals("Anfrage über Stadtretter: Frage zu Ihren Gassenpaten"),
                    Duration.ofSeconds(30));
            assertThat(mail.replyTo()).containsExactly("kommune2@stadtretter.local");
            assertThat(mail.body()).contains("wie haben Sie die Eigentümer erreicht?");
        } finally {
            Endpoints.gateway().delete("/api/partners/" + PartnerFlowIT.PARTNER2, company);
        }
    }
}
