package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import de.stadtretter.e2e.support.Browser;
import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.StadtretterPlatform;

/**
 * The portal in a real browser (Debian's Chromium) through the gateway, with the real Keycloak login page: the
 * catalogue journeys by keyboard only, axe-core on every page, screenshots at desktop and mobile width.
 */
@ExtendWith(StadtretterPlatform.class)
class PortalBrowserIT {

    static final String PORTAL = Endpoints.GATEWAY;

    @Test
    void anonymousVisitorSearchesWithAFacetAndOpensACaseByKeyboardOnly() {
        try (Browser b = new Browser("anonymous-search")) {
            b.open(PORTAL + "/");
            assertThat(b.check("start")).isEqualTo("Startseite – Stadtretter");
            assertThat(b.text()).contains("Neueste Praxisbeispiele", "Themen", "Praxisbeispiele nach Ländern",
                    "© GeoBasis-DE / BKG 2021 (Daten verändert)", "Impressum", "Erklärung zur Barrierefreiheit");
            assertThat(b.findAll(By.cssSelector("svg.laender-map path.land"))).hasSize(16);
            assertThat(b.findAll(By.cssSelector(".land-list li"))).hasSize(16);

            // the skip link is the first stop and leads to the main content
            b.press(Keys.TAB);
            assertThat(b.focused().getText()).isEqualTo("Zum Inhalt springen");
            b.assertFocusVisible(b.focused());
            b.press(Keys.ENTER);
            assertThat(b.focused().getAttribute("id")).isEqualTo("inhalt");

            // search by keyboard
            b.tabTo(el -> "q".equals(el.getAttribute("id")), "the search field", 5);
            b.type("Leerstand");
            b.press(Keys.ENTER);
            b.waitFor(x -> x.url().contains("/suche?q=Leerstand"), "the results page");
            assertThat(b.check("results")).isEqualTo("Suche: Leerstand – Stadtretter");
            long before = count(b);
            assertThat(before).isPositive();
            assertThat(b.findAll(By.cssSelector(".case-card mark"))).as("highlights").isNotEmpty();

            // a facet: tick the first topic with Space, apply with Enter
            WebElement topic = b.tabTo(el -> "topic".equals(el.getAttribute("name")), "a topic facet", 80);
            String chosen = topic.getAttribute("value");
            b.press(Keys.SPACE);
            b.tabTo(el -> el.getText().contains("Filter anwenden"), "the apply button", 120);
            b.press(Keys.ENTER);
            b.waitFor(x -> x.url().contains("topic=" + chosen), "the filtered results");
            b.check("filtered");
            assertThat(b.find(By.cssSelector("input[name=topic][value='" + chosen + "']")).isSelected()).isTrue();
            assertThat(count(b)).isPositive().isLessThanOrEqualTo(before);

            // the first result, by keyboard
            WebElement first = b.tabTo(el -> el.getAttribute("href") != null
                    && el.getAttribute("href").contains("/praxisbeispiele/"), "the first result", 200);
            String caseTitle = first.getText();
            b.press(Keys.ENTER);
            b.waitFor(x -> x.url().contains("/praxisbeispiele/"), "the case page");
            assertThat(b.check("case")).isEqualTo(caseTitle.replace("\n", " ") + " – Stadtretter");
            assertThat(b.text()).contains("Eckdaten", "Ausgangslage", "Herangehensweise",
                    "Die Kontaktperson sehen angemeldete Mitglieder.");

            // the back button goes back to the filtered search
            b.driver().navigate().back();
            b.waitFor(x -> x.url().contains("topic=" + chosen), "back at the filtered results");

            // an unknown case: a German 404 page
            b.open(PORTAL + "/praxisbeispiele/00000000-0000-0000-0000-000000000000");
            assertThat(b.check("not-found")).isEqualTo("Seite nicht gefunden – Stadtretter");
            b.open(PORTAL + "/suche?q=zzzqqqxxyy");
            b.check("no-hits");
            assertThat(b.text()).contains("Keine Treffer", "Entfernen Sie einzelne Filter");
            for (String page : List.of("/impressum", "/datenschutz", "/barrierefreiheit")) {
                b.open(PORTAL + page);
                b.check(page.substring(1));
            }
            assertThat(b.text()).contains("Feedback und Kontakt", "Schlichtungsstelle");
        }
    }

    @Test
    void aMunicipalityPageShowsTownsLikeItWithReasonsAndLeadsToThemByKeyboard() {
        try (Browser b = new Browser("municipality")) {
            b.open(PORTAL + "/kommunen/01054056");
            assertThat(b.check("husum")).isEqualTo("Husum, Stadt – Stadtretter");
            assertThat(b.text()).contains("Kleinere Mittelstadt in Schleswig-Holstein", "Nordfriesland",
                    "Ähnliche Kommunen", "ähnliche Größe:", "ebenfalls eine kleinere Mittelstadt");
            // (the skip link's address is this page's too: "/kommunen/01054056#inhalt")
            WebElement first = b.tabTo(el -> el.getAttribute("href") != null
                    && el.getAttribute("href").matches(".*/kommunen/\\d{8}") && !el.getAttribute("href")
                    .endsWith("/01054056"), "the first similar town", 60);
            String name = first.getText();
            String target = first.getAttribute("href");
            b.press(Keys.ENTER);
            b.waitFor(x -> x.url().equals(target), "the similar town's page " + target);
            assertThat(b.title()).as("title of %s", target).startsWith(name);
            b.check("similar-town");
            assertThat(b.text()).contains("Ähnliche Kommunen");
            b.open(PORTAL + "/kommunen/99999999");
            assertThat(b.check("municipality-not-found")).isEqualTo("Seite nicht gefunden – Stadtretter");
        }
    }

    @Test
    void scriptInATitleIsShownAsTextAndTheContactOnlyAfterTheLogin() {
        String kommune = Endpoints.keycloak().token("kommune", Endpoints.DEMO_PASSWORD);
        String redaktion = Endpoints.keycloak().token("redaktion", Endpoints.DEMO_PASSWORD);
        String title = "<script>alert(1)</script> " + Cases.newTitle("XSS");
        Map<String, Object> draft = Cases.create(kommune, title, Endpoints.KOMMUNE_AGS, List.of("leerstand"));
        String id = (String) draft.get("id");
        Cases.submit(kommune, id);
        Cases.publish(redaktion, id);

        try (Browser b = new Browser("login")) {
            b.open(PORTAL + "/praxisbeispiele/" + id);
            b.check("script-title");
            assertThat(b.find(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(b.title()).isEqualTo(title + " – Stadtretter");
            assertThat((Long) b.driver().executeScript("return document.querySelectorAll('main script').length"))
                    .as("the title's script tag is text, not an element").isZero();
            assertThat(b.text()).contains("Die Kontaktperson sehen angemeldete Mitglieder.");

            // log in through the real Keycloak page (in German), by keyboard
            b.tabTo(el -> "Anmelden".equals(el.getText()), "the login link", 10);
            b.press(Keys.ENTER);
            b.waitFor(x -> x.url().startsWith("http://localhost:8180/realms/stadtretter/"), "the Keycloak login");
            assertThat(b.text()).contains("Anmelden");
            b.find(By.id("username")).sendKeys("kommune");
            b.find(By.id("password")).sendKeys(Endpoints.DEMO_PASSWORD, Keys.ENTER);
            b.waitFor(x -> x.url().startsWith(PORTAL + "/"), "back at the portal");
            assertThat(b.text()).contains("Angemeldet als");
            String session = b.driver().manage().getCookieNamed("STADTRETTER_SESSION").getValue();
            assertThat(b.driver().manage().getCookieNamed("STADTRETTER_SESSION").isHttpOnly()).isTrue();

            b.open(PORTAL + "/praxisbeispiele/" + id);
            b.check("case-logged-in");
            assertThat(b.text()).doesNotContain("Die Kontaktperson sehen angemeldete Mitglieder.")
                    .contains("Kontakt");
            assertThat((String) b.driver().executeScript("return document.cookie")).as("no token, no session id "
                    + "for scripts").doesNotContain("STADTRETTER_SESSION").doesNotContain("eyJ");

            // log out: the Keycloak session ends too; the back button shows no private page
            b.tabTo(el -> el.getText().contains("Abmelden"), "the logout button", 10);
            b.press(Keys.ENTER);
            b.waitFor(x -> x.url().startsWith(PORTAL + "/") && x.text().contains("Sie sind abgemeldet."),
                    "logged out");
            b.check("logged-out");
            assertThat(b.driver().manage().getCookieNamed("STADTRETTER_SESSION") == null
                    || !session.equals(b.driver().manage().getCookieNamed("STADTRETTER_SESSION").getValue())).isTrue();
            b.driver().navigate().back();
            b.waitFor(x -> !x.text().isEmpty(), "a page after back");
            assertThat(b.text()).doesNotContain("Angemeldet als");
            b.open(PORTAL + "/anmelden");
            b.waitFor(x -> x.url().startsWith("http://localhost:8180/"), "a new login is needed (Keycloak session ended)");
            assertThat(b.find(By.id("username")).isDisplayed()).isTrue();
        }
    }

    private static long count(Browser b) {
        String heading = b.find(By.id("treffer")).getText();
        return Long.parseLong(heading.replaceAll("[^0-9]", ""));
    }
}
