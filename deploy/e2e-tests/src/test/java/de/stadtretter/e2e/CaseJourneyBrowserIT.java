package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import de.stadtretter.e2e.support.Browser;
import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;

/**
 * The editorial journey in real browsers, by keyboard only, with axe-core on every page: a Kommune writes a case in
 * the form of four steps and sees its field errors, submits it; another Kommune cannot see it; the Redaktion asks
 * for changes with a comment; the Kommune sees the comment, edits and submits again; the Redaktion publishes; an
 * anonymous visitor finds it; a member marks it helpful. The author gets a mail for each decision.
 */
@ExtendWith(StadtretterPlatform.class)
class CaseJourneyBrowserIT {

    static final String PORTAL = Endpoints.GATEWAY;
    private static final String AUTHOR = "kommune@stadtretter.local";
    private static final Pattern CASE_ID = Pattern.compile("/meine-praxisbeispiele/([0-9a-f-]{36})/");

    @Test
    void aKommuneWritesACaseTheRedaktionReturnsAndPublishesItAndEverybodyFindsIt() {
        String title = Cases.newTitle("Journey");
        String id;
        try (Browser kommune = new Browser("kommune-writes");
                Browser redaktion = new Browser("redaktion-reviews")) {
            // the Kommune logs in on its way to "Meine Praxisbeispiele"
            kommune.open(PORTAL + "/meine-praxisbeispiele");
            kommune.keycloakLogin("kommune", Endpoints.DEMO_PASSWORD, PORTAL + "/meine-praxisbeispiele");
            assertThat(kommune.check("my-cases")).isEqualTo("Meine Praxisbeispiele – Stadtretter");
            kommune.activate("Neues Praxisbeispiel anlegen", 40);
            kommune.waitFor(b -> b.url().endsWith("/meine-praxisbeispiele/neu"), "the first step");
            assertThat(kommune.check("step-1")).startsWith("Schritt 1 von 4: Grunddaten");

            // sending the empty first step: the errors, next to the fields and in a summary that has the focus
            kommune.activate("Entwurf anlegen und weiter", 80);
            kommune.waitFor(b -> b.title().startsWith("Fehler:"), "the step with errors");
            kommune.check("step-1-errors");
            assertThat(kommune.focused().getAttribute("id")).isEqualTo("fehler");
            assertThat(kommune.find(By.id("fehler")).getText()).contains("Bitte geben Sie einen Titel ein.",
                    "Bitte geben Sie eine Kurzbeschreibung ein.", "Bitte wählen Sie mindestens ein Thema.");
            assertThat(kommune.find(By.id("title-error")).getText()).contains("Bitte geben Sie einen Titel ein.");
            // the summary's first link leads into the title field
            kommune.press(Keys.TAB);
            kommune.press(Keys.ENTER);
            assertThat(kommune.focused().getAttribute("id")).isEqualTo("title");
            kommune.type(title);
            kommune.fill("teaser", "Ein Kataster aller leeren Läden, mit Eigentümern abgestimmt.", 5);
            kommune.tabTo(el -> "topic-leerstand".equals(el.getAttribute("id")), "the topic Leerstand", 10);
            kommune.press(Keys.SPACE);
            kommune.fill("tags", "Leerstand, Kataster", 20);
            kommune.activate("Entwurf anlegen und weiter", 40);
            kommune.waitFor(b -> b.url().contains("/schritt/2"), "the second step");
            Matcher m = CASE_ID.matcher(kommune.url());
            assertThat(m.find()).isTrue();
            id = m.group(1);
            assertThat(kommune.check("step-2")).startsWith("Schritt 2 von 4");
            assertThat(kommune.text()).contains("Ihr Entwurf ist angelegt.");

            kommune.fill("problem", "Ein Viertel der Läden in der Altstadt stand leer.", 30);
            kommune.fill("approach", "Wir haben alle Eigentümer angeschrieben.", 5);
            kommune.activate("Speichern und weiter", 20);
            kommune.waitFor(b -> b.url().contains("/schritt/3"), "the third step");
            kommune.check("step-3");

            // a budget that is no amount: the error names the field
            kommune.fill("budgetMin", "viel", 30);
            kommune.fill("indicators-0-name", "Leerstandsquote", 40);
            kommune.fill("indicators-0-unit", "%", 3);
            kommune.fill("indicators-0-before", "28,6", 3);
            kommune.fill("indicators-0-after", "4,1", 3);
            kommune.activate("Speichern und weiter", 60);
            kommune.waitFor(b -> b.title().startsWith("Fehler:"), "the third step with an error");
            kommune.check("step-3-errors");
            assertThat(kommune.find(By.id("budgetMin-error")).getText()).contains("ganzen Betrag in Euro");
            assertThat(kommune.find(By.id("indicators-0-before")).getAttribute("value")).isEqualTo("28,6");
            kommune.press(Keys.TAB);
            kommune.press(Keys.ENTER);
            assertThat(kommune.focused().getAttribute("id")).isEqualTo("budgetMin");
            kommune.selectAll();
            kommune.type("25000");
            kommune.activate("Speichern und weiter", 80);
            kommune.waitFor(b -> b.url().contains("/schritt/4"), "the fourth step");
            kommune.check("step-4");
            kommune.fill("lessons", "Die Eigentümer früh einbinden; Fördermittel brauchen Vorlauf.", 30);
            kommune.activate("Speichern und prüfen", 80);
            kommune.waitFor(b -> b.url().endsWith("/pruefen"), "the check page");
            kommune.check("review");
            assertThat(kommune.text()).contains(title, "Standortförderung und Leerstand", "25.000",
                    "Leerstandsquote: 28,6 → 4,1 %", "Die Eigentümer früh einbinden");
            kommune.activate("Zur Prüfung einreichen", 120);
            kommune.waitFor(b -> b.url().endsWith("/meine-praxisbeispiele"), "the list");
            kommune.check("submitted");
            assertThat(kommune.text()).contains("liegt jetzt der Redaktion zur Prüfung vor", "Bei der Redaktion");

            // another Kommune neither sees nor opens it, and the Redaktion pages are closed to it
            try (Browser other = new Browser("other-kommune")) {
                other.open(PORTAL + "/meine-praxisbeispiele");
                other.keycloakLogin("kommune2", Endpoints.DEMO_PASSWORD, PORTAL + "/meine-praxisbeispiele");
                other.check("other-list");
                assertThat(other.text()).doesNotContain(title);
                for (String page : new String[] {"/meine-praxisbeispiele/" + id + "/schritt/1",
                        "/meine-praxisbeispiele/" + id + "/pruefen", "/praxisbeispiele/" + id}) {
                    other.open(PORTAL + page);
                    assertThat(other.check("other-404")).isEqualTo("Seite nicht gefunden – Stadtretter");
                    assertThat(other.text()).doesNotContain(title);
                }
                other.open(PORTAL + "/redaktion");
                assertThat(other.check("other-403")).isEqualTo("Kein Zugriff – Stadtretter");
            }

            // the Redaktion finds it in its queue and asks for changes with a comment
            redaktion.open(PORTAL + "/redaktion");
            redaktion.keycloakLogin("redaktion", Endpoints.DEMO_PASSWORD, PORTAL + "/redaktion");
            redaktion.check("queue");
            redaktion.activate(title, 400);
            redaktion.waitFor(b -> b.url().endsWith("/redaktion/praxisbeispiele/" + id), "the review page");
            redaktion.check("review-case");
            assertThat(redaktion.text()).contains("Eingereicht", "Ein Viertel der Läden");
            redaktion.activate("Änderungen erbitten", 80); // without a comment: an error
            redaktion.waitFor(b -> b.title().startsWith("Fehler:"), "the review page with an error");
            redaktion.check("review-error");
            redaktion.fill("kommentar", "Bitte nennen Sie die Kosten des Katasters.", 80);
            redaktion.activate("Änderungen erbitten", 5);
            redaktion.waitFor(b -> b.url().endsWith("/redaktion"), "back at the queue");
            assertThat(redaktion.text()).contains("mit Ihrem Kommentar an die Kommune zurückgegangen");
            // the author is told by mail (the portal registered the address at the sign-in), without the comment
            MailClient.Mail changes = Endpoints.mail().await(AUTHOR, mail -> mail.subject().equals(
                    "Die Redaktion bittet um Änderungen an „" + title + "“"), Duration.ofSeconds(60));
            assertThat(changes.body()).contains(PORTAL + "/meine-praxisbeispiele")
                    .doesNotContain("Bitte nennen Sie die Kosten");

            // the Kommune sees the comment, edits and submits again
            kommune.open(PORTAL + "/meine-praxisbeispiele");
            kommune.check("changes-requested");
            assertThat(kommune.text()).contains("Änderungen erbeten", "Bitte nennen Sie die Kosten des Katasters.");
            kommune.tabTo(el -> el.getAttribute("href") != null
                    && el.getAttribute("href").endsWith("/meine-praxisbeispiele/" + id + "/schritt/1"), "its edit link", 200);
            kommune.press(Keys.ENTER);
            kommune.waitFor(b -> b.url().endsWith("/meine-praxisbeispiele/" + id + "/schritt/1"), "step 1");
            kommune.check("edit-with-comment");
            assertThat(kommune.text()).contains("Die Redaktion bittet um Änderungen",
                    "Bitte nennen Sie die Kosten des Katasters.");
            kommune.activate("3. Kosten und Wirkung", 40);
            kommune.waitFor(b -> b.url().endsWith("/schritt/3"), "step 3");
            kommune.fill("resources", "Das Kataster kostete 25.000 Euro, davon 90 % Förderung.", 40);
            kommune.activate("Speichern und weiter", 80);
            kommune.waitFor(b -> b.url().endsWith("/schritt/4"), "step 4");
            kommune.activate("Speichern und prüfen", 80);
            kommune.waitFor(b -> b.url().endsWith("/pruefen"), "the check page");
            assertThat(kommune.text()).contains("davon 90 % Förderung");
            kommune.activate("Zur Prüfung einreichen", 120);
            kommune.waitFor(b -> b.url().endsWith("/meine-praxisbeispiele"), "the list");

            // the Redaktion publishes
            redaktion.open(PORTAL + "/redaktion/praxisbeispiele/" + id);
            redaktion.check("review-again");
            assertThat(redaktion.text()).contains("Änderungen erbeten", "davon 90 % Förderung");
            redaktion.activate("Veröffentlichen", 80);
            redaktion.waitFor(b -> b.url().endsWith("/redaktion"), "back at the queue");
            assertThat(redaktion.text()).contains("ist veröffentlicht");
            MailClient.Mail published = Endpoints.mail().await(AUTHOR, mail -> mail.subject().equals(
                    "Ihr Praxisbeispiel „" + title + "“ ist veröffentlicht"), Duration.ofSeconds(60));
            assertThat(published.body()).contains(PORTAL + "/praxisbeispiele/" + id);

            // a member marks it helpful
            kommune.open(PORTAL + "/praxisbeispiele/" + id);
            kommune.activate("Als hilfreich markieren", 120);
            kommune.waitFor(b -> b.text().contains("Danke! Sie haben dieses Praxisbeispiel als hilfreich markiert."),
                    "the helpful mark");
            kommune.check("helpful");
            assertThat(kommune.text()).contains("Ein Mitglied findet dieses Praxisbeispiel hilfreich.",
                    "Markierung „hilfreich“ zurücknehmen");

            // the Kommune revises the published case; the Redaktion sees what changed and publishes the revision
            kommune.open(PORTAL + "/meine-praxisbeispiele");
            kommune.tabTo(el -> el.getAttribute("href") != null
                    && el.getAttribute("href").endsWith("/meine-praxisbeispiele/" + id + "/schritt/1")
                    && el.getText().startsWith("Überarbeiten"), "its revise link", 200);
            kommune.press(Keys.ENTER);
            kommune.waitFor(b -> b.url().endsWith("/schritt/1"), "step 1 of the revision");
            kommune.check("revise");
            assertThat(kommune.text()).contains("Die veröffentlichte Fassung bleibt unverändert sichtbar");
            kommune.fill("teaser", "Ein Kataster aller leeren Läden, jetzt mit Mieterbörse.", 40);
            kommune.activate("Entwurf speichern", 60);
            kommune.waitFor(b -> b.text().contains("Ihre Angaben sind gespeichert."), "the saved revision");
            kommune.activate("Prüfen und einreichen", 40);
            kommune.waitFor(b -> b.url().endsWith("/pruefen"), "the check page of the revision");
            kommune.activate("Zur Prüfung einreichen", 120);
            kommune.waitFor(b -> b.url().endsWith("/meine-praxisbeispiele"), "the list");
            assertThat(kommune.text()).contains("Überarbeitung: Bei der Redaktion");

            redaktion.open(PORTAL + "/redaktion");
            redaktion.activate(title, 400);
            redaktion.waitFor(b -> b.url().endsWith("/redaktion/praxisbeispiele/" + id), "the revision's page");
            redaktion.check("review-revision");
            assertThat(redaktion.find(By.id("aenderungen")).isDisplayed()).isTrue();
            assertThat(redaktion.text()).contains("Was die Überarbeitung ändert", "Kurzbeschreibung",
                    "Ein Kataster aller leeren Läden, mit Eigentümern abgestimmt.", "jetzt mit Mieterbörse");
            redaktion.activate("Veröffentlichen", 80);
            redaktion.waitFor(b -> b.url().endsWith("/redaktion"), "back at the queue");
            Endpoints.mail().await(AUTHOR, mail -> mail.subject().equals("Ihre Überarbeitung von „" + title
                    + "“ ist veröffentlicht"), Duration.ofSeconds(60));
            // each decision once
            assertThat(Endpoints.mail().inbox(AUTHOR)).filteredOn(mail -> mail.subject().contains("„" + title + "“"))
                    .hasSize(3);
        }

        // an anonymous visitor finds it (the search index follows within seconds)
        try (Browser visitor = new Browser("visitor-finds")) {
            visitor.waitFor(b -> {
                b.open(PORTAL + "/suche?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
                return b.text().contains(title);
            }, "the published case in the search");
            visitor.check("found");
            visitor.activate(title, 200);
            visitor.waitFor(b -> b.url().endsWith("/praxisbeispiele/" + id), "the case page");
            assertThat(visitor.check("published-case")).isEqualTo(title + " – Stadtretter");
            assertThat(visitor.text()).contains("jetzt mit Mieterbörse", "davon 90 % Förderung",
                    "Lernerfahrungen und Stolpersteine",
                    "Die Eigentümer früh einbinden", "28,6", "4,1");
        }
    }
}
