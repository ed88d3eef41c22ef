package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import de.stadtretter.e2e.support.Browser;
import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.Json;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;

/**
 * The need journey in a real browser, by keyboard, with axe-core on every page: a Kommune (Flensburg) formulates a
 * need in its own words and sees, while it types, the cases, partners and towns that fit with the reasons; saves it
 * (with mails about new matches); finds it under "Meine Bedarfe"; then another town (Leipzig) publishes a case that
 * fits, and the Kommune gets the match mail with the reasons and the link to its need.
 */
@ExtendWith(StadtretterPlatform.class)
class NeedJourneyBrowserIT {

    static final String PORTAL = Endpoints.GATEWAY;
    static final String TITLE = "Schaufenster im Advent gemeinsam schmücken";
    static final String LEIPZIG = "14713000";

    @Test
    void aKommuneFormulatesANeedSeesWhatFitsSavesItAndIsMailedWhenAFittingCaseIsPublished() {
        String needId = null;
        String flensburg = Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD);
        try (Browser kommune = new Browser("need")) {
            kommune.open(PORTAL + "/bedarfe/neu");
            kommune.keycloakLogin("kommune", Endpoints.DEMO_PASSWORD, PORTAL + "/bedarfe/neu");
            assertThat(kommune.check("need-form")).isEqualTo("Bedarf formulieren – Stadtretter");

            // what the Kommune types is answered while it types (the script asks the portal for the recommendations)
            kommune.fill("titel", "Die Händler sollen gemeinsam auftreten", 40);
            kommune.fill("beschreibung", "Jeder Laden wirbt für sich allein. Wie bringt man die Geschäftsleute an "
                    + "einen Tisch, und was ist bei anderen schiefgegangen?", 3);
            kommune.waitFor(b -> b.text().contains("Passende Praxisbeispiele"), "the live recommendations");
            kommune.check("need-live-recommendations");
            String live = kommune.find(By.id("empfehlungen")).getText();
            assertThat(live).contains("Gemeinsames Stadtmarketing mit einer Dachmarke", "Partner, die helfen können",
                    "Kommunen wie Ihre, die daran arbeiten");
            assertThat(kommune.findAll(By.cssSelector("#empfehlungen .reco-reasons li"))).isNotEmpty();

            // the Kommune starts again with a narrower need, chooses a topic and saves; the mails about new matches
            // are on by default
            kommune.open(PORTAL + "/bedarfe/neu");
            kommune.fill("titel", TITLE, 40);
            kommune.fill("beschreibung", "Die Geschäfte sollen in der Adventszeit ihre Schaufenster einheitlich "
                    + "dekorieren, damit die Innenstadt als Ganzes leuchtet.", 3);
            kommune.tabTo(el -> "marketing".equals(el.getAttribute("value")), "the topic Marketing", 20);
            kommune.press(Keys.SPACE);
            kommune.activate("Bedarf speichern", 30);
            kommune.waitFor(b -> b.text().contains("Ihr Bedarf ist gespeichert"), "the saved need");
            assertThat(kommune.check("need-saved")).isEqualTo(TITLE + " – Stadtretter");
            assertThat(kommune.text()).contains("Wir schreiben Ihnen, sobald", "Keine E-Mails mehr zu diesem Bedarf",
                    "Flensburg");
            needId = kommune.url().substring(kommune.url().lastIndexOf('/') + 1);
            assertThat(needId).matches("[0-9a-f-]{36}");

            // "Meine Bedarfe" lists it
            kommune.open(PORTAL + "/meine-bedarfe");
            kommune.check("my-needs");
            assertThat(kommune.find(By.linkText(TITLE)).getAttribute("href")).endsWith("/bedarfe/" + needId);
        }

        try {
            // Leipzig publishes a case that fits
            String leipzig = Endpoints.keycloak().token("kommune2", Endpoints.DEMO_PASSWORD);
            String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);
            Map<String, Object> body = new LinkedHashMap<>();
            String caseTitle = Cases.newTitle("Adventsschaufenster: alle Geschäfte schmücken gemeinsam");
            body.put("title", caseTitle);
            body.put("teaser", "Sechzig Geschäfte dekorieren ihre Schaufenster im Advent einheitlich nach einem "
                    + "gemeinsamen Motiv.");
            body.put("ags", LEIPZIG);
            body.put("topics", List.of("marketing"));
            body.put("problem", "Jedes Geschäft schmückte sein Schaufenster anders; die Adventszeit wirkte zerfasert.");
            HttpResponse<String> created = Endpoints.gateway().post(Cases.CASES, leipzig, Json.write(body));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String caseId = (String) Json.object(created.body()).get("id");
            Cases.submit(leipzig, caseId);
            Cases.publish(redaktion, caseId);

            String need = needId;
            MailClient.Mail mail = Endpoints.mail().await("kommune@stadtretter.local",
                    m -> m.body().contains("/bedarfe/" + need), Duration.ofSeconds(60));
            assertThat(mail.subject()).isEqualTo("Neues Praxisbeispiel zu Ihrem Bedarf „" + TITLE + "“");
            assertThat(mail.body()).contains(caseTitle, "Warum es passt:", "/praxisbeispiele/" + caseId);
        } finally {
            if (needId != null) {
                Endpoints.gateway().post("/api/matching/needs/" + needId + "/close", flensburg, "");
            }
        }
    }
}
