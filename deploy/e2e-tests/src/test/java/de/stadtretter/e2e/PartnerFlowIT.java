package de.stadtretter.e2e;

import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.GatewayClient;
import de.stadtretter.e2e.support.Json;
import de.stadtretter.e2e.support.MailClient;
import de.stadtretter.e2e.support.StadtretterPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partners issue end to end, through the gateway with real Keycloak tokens: a company creates its profile, the
 * Redaktion verifies it, the company claims a demo case, the town that owns it confirms, the public directory shows
 * the partner with that evidence and the case shows the partner, a town sends a contact request and the mail
 * arrives; then the company deletes its profile and every service drops what it kept of it.
 */
@ExtendWith(StadtretterPlatform.class)
class PartnerFlowIT {

    /** The organisation of the realm's {@code partner2}: a company without a demo profile. */
    static final String PARTNER2 = "7b1e4c9a-2d3f-4e5a-8b6c-1d2e3f4a5b6c";
    static final String PARTNERS = "/api/partners";
    /** The demo case of Flensburg (kommune's AGS), as catalog-service derives its id. */
    static final String FLENSBURG_CASE = UUID.nameUUIDFromBytes("stadtretter-demo:flensburg-leerstandsmanagement"
            .getBytes(StandardCharsets.UTF_8)).toString();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final GatewayClient gateway = Endpoints.gateway();

    @Test
    void aCompanyVerifiedAndConfirmedIsFoundByItsEvidenceIsContactedAndLeavesEveryServiceWhenDeleted()
            throws Exception {
        String company = token("partner2");
        String redaktion = token("redaktion");
        String flensburg = token("kommune");
        String leipzig = token("kommune2");
        gateway.delete(PARTNERS + "/" + PARTNER2, company); // a profile left by an earlier, interrupted run

        // the company creates its profile: pending, not public
        String word = "Altstadtlotsen" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x");
        String contact = "kontakt-" + UUID.randomUUID().toString().substring(0, 8) + "@partner2.example";
        HttpResponse<String> created = gateway.post(PARTNERS, company, """
                {"name": "%s Beratung", "legalForm": "GmbH",
                 "description": "Wir beleben leere Läden in Altstädten: %s bringen Eigentümer und Gründerinnen zusammen.",
                 "topics": ["leerstand"], "regions": ["SH"], "size": "MICRO",
                 "contact": {"name": "Petra Neuling", "email": "%s"}}""".formatted(word, word, contact));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Json.object(created.body())).containsEntry("id", PARTNER2).containsEntry("status", "PENDING");
        assertThat(gateway.get(PARTNERS + "/" + PARTNER2, null).statusCode()).isEqualTo(404);

        // the Redaktion verifies it: now it is in the directory, without evidence
        HttpResponse<String> verified = gateway.post(PARTNERS + "/" + PARTNER2 + "/verify", redaktion, "");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        Map<String, Object> before = await().atMost(WAIT).until(() -> found(word), item -> item != null);
        assertThat(before).containsEntry("confirmedReferences", 0);

        // the company claims a demo case of Flensburg; Flensburg finds the claim in its inbox and confirms it
        HttpResponse<String> claimed = gateway.post(PARTNERS + "/" + PARTNER2 + "/references", company,
                "{\"caseId\": \"" + FLENSBURG_CASE + "\", \"role\": \"Eigentümeransprache in der Altstadt\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
        String reference = (String) Json.object(claimed.body()).get("id");
        HttpResponse<String> inbox = gateway.get(PARTNERS + "/references", flensburg);
        assertThat(Json.array(inbox.body())).extracting(r -> r.get("id")).contains(reference);
        assertThat(gateway.post(PARTNERS + "/references/" + reference + "/confirm", leipzig, "").statusCode())
                .as("another town cannot decide").isEqualTo(404);
        HttpResponse<String> confirmed = gateway.post(PARTNERS + "/references/" + reference + "/confirm", flensburg,
                "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        // anonymous: the directory shows the evidence and scores the partner higher; the case shows the partner
        Map<String, Object> after = await().atMost(WAIT).until(() -> found(word),
                item -> item != null && ((Number) item.get("confirmedReferences")).intValue() == 1);
        assertThat(((Number) after.get("score")).doubleValue())
                .isGreaterThan(((Number) before.get("score")).doubleValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = ((List<Map<String, Object>>) after.get("evidence")).getFirst();
        assertThat(evidence).containsEntry("caseId", FLENSBURG_CASE).containsEntry("municipality", "Flensburg, Stadt")
                .containsEntry("role", "Eigentümeransprache in der Altstadt");
        await().atMost(WAIT).until(() -> casePartners().contains(PARTNER2));

        // a logged-in town writes to the partner: the mail reaches the partner's contact, answered to the sender
        HttpResponse<String> sent = gateway.post(PARTNERS + "/" + PARTNER2 + "/contact", leipzig, """
                {"subject": "Frage zu Ihrer Eigentümeransprache", "message": "Guten Tag,\\nwie sind Sie vorgegangen?",
                 "consent": true}""");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        MailClient.Mail mail = Endpoints.mail().await(contact,
                m -> m.subject().equals("Anfrage über Stadtretter: Frage zu Ihrer Eigentümeransprache"), WAIT);
        assertThat(mail.replyTo()).containsExactly("kommune2@stadtretter.local");
        assertThat(mail.body()).contains("wie sind Sie vorgegangen?");
        await().atMost(WAIT).until(() -> count("notification",
                "select count(*) from contact_mail where partner_id = ?::uuid") == 1);

        // the company deletes its profile: gone from partner-service, the directory, the case, matching and the
        // notification service's records
        assertThat(gateway.delete(PARTNERS + "/" + PARTNER2, company).statusCode()).isEqualTo(204);
        assertThat(gateway.get(PARTNERS + "/" + PARTNER2, company).statusCode()).isEqualTo(404);
        await().atMost(WAIT).until(() -> !casePartners().contains(PARTNER2));
        await().atMost(WAIT).until(() -> found(word) == null);
        await().atMost(WAIT).until(() -> count("matching",
                "select count(*) from partner_profile where partner_id = ?::uuid") == 0
                && count("notification", "select count(*) from contact_mail where partner_id = ?::uuid") == 0
                && count("notification", "select count(*) from removed_partner where partner_id = ?::uuid") == 1);
        assertThat(count("partner", "select count(*) from partner_reference where partner_id = ?::uuid")
                + count("partner", "select count(*) from contact_request where partner_id = ?::uuid")
                + count("partner", "select count(*) from partner_history where partner_id = ?::uuid")).isZero();
    }

    /** The directory item of the partner whose name holds {@code word}, or null. */
    private Map<String, Object> found(String word) {
        HttpResponse<String> r = gateway.get(PARTNERS + "/search?q=" + URLEncoder.encode(word,
                StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) Json.object(r.body()).get("items");
        return items.stream().filter(i -> PARTNER2.equals(i.get("id"))).findFirst().orElse(null);
    }

    private List<Object> casePartners() {
        HttpResponse<String> r = gateway.get("/api/catalog/cases/" + FLENSBURG_CASE, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> partners = (List<Map<String, Object>>) Json.object(r.body()).get("partners");
        return partners.stream().map(p -> p.get("id")).toList();
    }

    /** What the service's own database holds of the partner (each service keeps its own). */
    private static long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/" + database, "postgres",
                "postgres"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, PARTNER2);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String token(String user) {
        return Endpoints.keycloak().token(user, Endpoints.DEMO_PASSWORD);
    }
}
