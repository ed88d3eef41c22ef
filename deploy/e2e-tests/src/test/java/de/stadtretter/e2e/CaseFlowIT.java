package de.stadtretter.e2e;

import de.stadtretter.e2e.support.Cases;
import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.GatewayClient;
import de.stadtretter.e2e.support.HtmlForm;
import de.stadtretter.e2e.support.Json;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import de.stadtretter.e2e.support.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.stadtretter.e2e.support.Cases.CASES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow of the issue, end to end through the gateway with real Keycloak tokens: an anonymous person subscribes
 * (double opt-in through the link in the mail), a Kommune writes a case, the Redaktion publishes it, the public sees
 * it and the subscriber gets the mail announcing it. Plus the access rules of the case API as seen from outside.
 */
@ExtendWith(StadtretterPlatform.class)
class CaseFlowIT {

    private static final String MUENCHEN = "09162000";

    private final GatewayClient gateway = Endpoints.gateway();

    @Test
    void aCaseTheKommuneWritesAndTheRedaktionPublishesReachesTheSubscriber() {
        // an anonymous person asks for mails on two topics ...
        String address = Subscriber.newAddress("flow");
        HttpResponse<String> requested = Subscriber.request(address, List.of("stadtgestaltung", "erlebnisraum"));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(Json.object(requested.body())).containsEntry("status", "PENDING");

        // ... receives the confirmation mail with a link through the gateway ...
        MailClient.Mail confirmation = Endpoints.mail().await(address,
                m -> Subscriber.CONFIRMATION_SUBJECT.equals(m.subject()), Subscriber.MAIL_TIMEOUT);
        assertThat(confirmation.to()).containsExactly(address);
        URI link = Subscriber.confirmLink(confirmation);

        // ... opens it: a page with a form (the GET itself changes nothing) ...
        HttpResponse<String> page = Subscriber.browse(link);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        HtmlForm form = HtmlForm.first(page.body(), link);
        assertThat(form.button()).isEqualTo("Abonnement bestätigen");
        assertThat(form.action()).isEqualTo(URI.create(Endpoints.GATEWAY + Subscriber.CONFIRM_PAGE));
        assertThat(form.fields()).containsOnlyKeys("token", "_csrf");

        // ... and presses the button, as a browser would
        HttpResponse<String> confirmed = Subscriber.submit(form);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Ihr Abonnement ist bestätigt");
        assertThat(Subscriber.submit(form).statusCode()).as("the link works once").isEqualTo(404);

        try (Subscriber subscriber = Subscriber.fromConfirmationMail(address, confirmation)) {
            String kommune = token("kommune");
            String redaktion = token("redaktion");

            // the Kommune writes a case: a draft
            String title = Cases.newTitle("Flow");
            HttpResponse<String> created = gateway.post(CASES, kommune,
                    Cases.body(title, Endpoints.KOMMUNE_AGS, List.of("stadtgestaltung", "leerstand")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Map<String, Object> draft = Json.object(created.body());
            String id = (String) draft.get("id");
            assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(CASES + "/" + id);
            assertThat(draft).containsEntry("status", "DRAFT").containsEntry("title", title)
                    .containsEntry("ags", Endpoints.KOMMUNE_AGS)
                    .containsEntry("ownerOrganisation", Endpoints.KOMMUNE_AGS)
                    .containsKey("version");

            // the Kommune sees its draft, the public does not
            assertThat(gateway.get(CASES + "/" + id, kommune).statusCode()).isEqualTo(200);
            assertThat(listIds(kommune, "?status=DRAFT&size=100")).contains(id);
            assertInvisibleToThePublic(id);

            // the Kommune submits it: still not public
            Map<String, Object> submitted = Cases.submit(kommune, id);
            assertThat(submitted).containsEntry("status", "SUBMITTED");
            assertThat(((Number) submitted.get("version")).longValue())
                    .isGreaterThan(((Number) draft.get("version")).longValue());
            assertInvisibleToThePublic(id);

            // the Redaktion publishes it
            Map<String, Object> published = Cases.publish(redaktion, id);
            assertThat(published).containsEntry("status", "PUBLISHED");
            assertThat(published.get("publishedAt")).isNotNull();

            // now everybody sees it, in the list and by id
            HttpResponse<String> byId = gateway.get(CASES + "/" + id, null);
            assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
            assertThat(Json.object(byId.body())).containsEntry("status", "PUBLISHED").containsEntry("title", title);
            HttpResponse<String> list = gateway.get(CASES + "?size=100", null);
            assertThat(list.statusCode()).isEqualTo(200);
            Map<String, Object> page1 = Json.object(list.body());
            assertThat(page1).containsKeys("page", "size", "totalItems");
            assertThat(ids(page1)).contains(id);

            // and the subscriber gets the mail announcing it, with its title and link
            MailClient.Mail announcement = subscriber.awaitAnnouncement(title);
            assertThat(announcement.subject()).isEqualTo("Neues Praxisbeispiel: " + title);
            assertThat(announcement.to()).containsExactly(address);
            assertThat(announcement.body()).contains(title).contains(Endpoints.GATEWAY + "/praxisbeispiele/" + id);
        }
    }

    @Test
    void writingWithoutATokenIs401ProblemJson() {
        HttpResponse<String> create = gateway.post(CASES, null,
                Cases.body(Cases.newTitle("NoToken"), Endpoints.KOMMUNE_AGS, List.of("leerstand")));
        assertProblem(create, 401);

        // the case exists and is waiting for review: still, without a token nothing happens to it
        String redaktion = token("redaktion");
        String id = (String) Cases.create(redaktion, Cases.newTitle("NoToken"), Endpoints.KOMMUNE_AGS,
                List.of("leerstand")).get("id");
        Cases.submit(redaktion, id);
        assertProblem(gateway.post(CASES + "/" + id + "/publish", null, ""), 401);
        assertThat(Json.object(gateway.get(CASES + "/" + id, redaktion).body())).containsEntry("status", "SUBMITTED");
    }

    @Test
    void aPartnerMayNotCreateCases() {
        String title = Cases.newTitle("Partner");
        assertProblem(gateway.post(CASES, token("partner"),
                Cases.body(title, Endpoints.KOMMUNE_AGS, List.of("leerstand"))), 403);
        assertThat(listTitles(token("redaktion"), "?status=DRAFT&size=100")).doesNotContain(title);
    }

    @Test
    void aKommuneMayNotPublish() {
        String kommune = token("kommune");
        String id = (String) Cases.create(kommune, Cases.newTitle("SelfPublish"), Endpoints.KOMMUNE_AGS,
                List.of("marketing")).get("id");
        Cases.submit(kommune, id);

        assertProblem(gateway.post(CASES + "/" + id + "/publish", kommune, ""), 403);

        assertThat(Json.object(gateway.get(CASES + "/" + id, kommune).body())).containsEntry("status", "SUBMITTED");
        assertThat(gateway.get(CASES + "/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aKommuneMayNotChangeAnotherMunicipalitysCase() {
        String redaktion = token("redaktion");
        String kommune = token("kommune");
        Map<String, Object> munich = Cases.create(redaktion, Cases.newTitle("Muenchen"), MUENCHEN,
                List.of("mobilitaet"));
        assertThat(munich).containsEntry("ownerOrganisation", MUENCHEN);
        String id = (String) munich.get("id");

        // München's draft is invisible to Flensburg: 404, as if it did not exist (no hint that it does)
        assertProblem(gateway.post(CASES + "/" + id + "/submit", kommune, ""), 404);

        assertThat(Json.object(gateway.get(CASES + "/" + id, redaktion).body())).containsEntry("status", "DRAFT");
        // nor create one in München's name
        assertProblem(gateway.post(CASES, kommune, Cases.body(Cases.newTitle("Muenchen"), MUENCHEN,
                List.of("mobilitaet"))), 403);
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        HttpResponse<String> r = gateway.post(CASES, token("kommune"), "{\"title\": \"Kaputt\", \"topics\": [");
        Map<String, Object> problem = assertProblem(r, 400);
        assertThat(problem.get("type")).isEqualTo("https://stadtretter.de/problems/malformed-request");
    }

    @Test
    void anUnknownCaseIs404ProblemJson() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(gateway.get(CASES + "/" + unknown, null), 404);
        assertProblem(gateway.get(CASES + "/" + unknown, token("redaktion")), 404);
        assertProblem(gateway.post(CASES + "/" + unknown + "/submit", token("kommune"), ""), 404);
        assertProblem(gateway.post(CASES + "/" + unknown + "/publish", token("redaktion"), ""), 404);
    }

    private void assertInvisibleToThePublic(String id) {
        HttpResponse<String> byId = gateway.get(CASES + "/" + id, null);
        assertProblem(byId, 404);
        assertThat(listIds(null, "?size=100")).doesNotContain(id);
        HttpResponse<String> drafts = gateway.get(CASES + "?status=DRAFT&size=100", null);
        assertThat(drafts.statusCode()).isEqualTo(200);
        Map<String, Object> draftsPage = Json.object(drafts.body());
        assertThat(items(draftsPage)).as("drafts the public can list").isEmpty();
        assertThat(draftsPage.get("totalItems")).isEqualTo(0);
    }

    private List<Object> listIds(String token, String query) {
        HttpResponse<String> r = gateway.get(CASES + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ids(Json.object(r.body()));
    }

    private List<Object> listTitles(String token, String query) {
        HttpResponse<String> r = gateway.get(CASES + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return items(Json.object(r.body())).stream().map(i -> i.get("title")).toList();
    }

    private static List<Object> ids(Map<String, Object> page) {
        return items(page).stream().map(i -> i.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** An RFC 9457 answer with this status, passed through by the gateway. */
    static Map<String, Object> assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as("status of %s: %s", r.uri(), r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as("content type of %s", r.uri()).startsWith("application/problem+json");
        Map<String, Object> problem = Json.object(r.body());
        assertThat(problem.get("status")).isEqualTo(status);
        return problem;
    }

    private static String token(String user) {
        return Endpoints.keycloak().token(user, Endpoints.DEMO_PASSWORD);
    }
}
