package de.stadtretter.notification.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.workflow.delivery.WorkflowMails;
import de.stadtretter.notification.workflow.delivery.WorkflowMails.Kind;
import de.stadtretter.notification.workflow.events.CaseReviewed;
import de.stadtretter.notification.workflow.events.ProfileReviewed;
import de.stadtretter.notification.workflow.events.ReferenceClaimed;
import de.stadtretter.testing.EventContracts;
import de.stadtretter.testing.EventSchemas;
import de.stadtretter.testing.TestKafka;
import de.stadtretter.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editorial workflow's mails: a claim to the members of the town that owns the case, a decision on a profile
 * to the partner's members, a decision on a case to its author; each once per recipient, however often the event
 * comes, and only to members who registered their address.
 */
class WorkflowMailTest extends NotificationIntegrationTest {

    private static final String FLENSBURG = "01001000";
    private static final String KIEL = "01002000";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    WorkflowMails mails;

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String email(String username) {
        return username + "@test.stadtretter.example";
    }

    private static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void register(String token) throws Exception {
        mvc.perform(put("/api/notifications/me/address").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    /** The producer's example of {@code type} on {@code topic} with a fresh event id. */
    private static ObjectNode event(String module, String topic, String type) {
        ObjectNode event = (ObjectNode) EventSchemas.read(EventSchemas.producerFile(module,
                "events/" + topic + "/" + type + ".example.json"));
        event.put("id", UUID.randomUUID().toString());
        return event;
    }

    @Test
    void aClaimIsMailedOnceToEveryRegisteredMemberOfTheTownThatOwnsTheCase() throws Exception {
        String first = unique("flensburg-a");
        String second = unique("flensburg-b");
        String kiel = unique("kiel");
        String town = String.valueOf(10_000_000 + (int) (Math.random() * 89_999_999));
        register(TestTokens.get().token(first, "kommune", town));
        register(TestTokens.get().token(second, "kommune", town));
        register(TestTokens.get().token(kiel, "kommune", KIEL));
        // a partner with the town's id as organisation is not a member of the town
        String partner = unique("partner");
        register(TestTokens.get().token(partner, "partner", town));

        ObjectNode claim = event("partner-service", "partner.review.v1", ReferenceClaimed.TYPE);
        ObjectNode data = (ObjectNode) claim.get("data");
        data.put("caseAgs", town);
        data.put("caseTitle", "Leerstandskataster <für> die Innenstadt");
        String key = data.path("partnerId").asString();
        TestKafka.send(brokers, "partner.review.v1", key, claim.toString());
        TestKafka.send(brokers, "partner.review.v1", key, claim.toString());

        String subjectLine = "Bitte bestätigen: Beispiel Stadtentwicklung GmbH nennt „Leerstandskataster <für> die "
                + "Innenstadt“ als Referenz";
        MimeMessage mail = TestMail.await(email(first), subjectLine);
        TestMail.await(email(second), subjectLine);
        assertThat(TestMail.text(mail)).contains("Guten Tag " + first + ",")
                .contains("Konzept und Moderation der Eigentümergespräche").contains(BASE_URL + "/referenzen")
                .contains(BASE_URL + "/praxisbeispiele/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        assertThat(TestMail.html(mail)).contains("Leerstandskataster &lt;für&gt; die Innenstadt");
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.sent(subject(second), Kind.REFERENCE_CLAIMED) == 1);
        Thread.sleep(1_000);
        assertThat(TestMail.to(email(first))).hasSize(1);
        assertThat(TestMail.to(email(second))).hasSize(1);
        assertThat(TestMail.to(email(kiel))).isEmpty();
        assertThat(TestMail.to(email(partner))).isEmpty();
        // once sent, the address is not kept with the mail
        assertThat(jdbc.sql("select string_agg(recipient, '') from workflow_mail where event_id = :id")
                .param("id", claim.path("id").asString()).query(String.class).single()).isEmpty();
    }

    @Test
    void aDecisionOnAProfileGoesToThePartnersMembersWithTheLinkToTheProfile() throws Exception {
        UUID partnerId = UUID.randomUUID();
        String member = unique("partnerin");
        register(TestTokens.get().token(member, "partner", partnerId.toString()));

        ObjectNode rejected = event("partner-service", "partner.review.v1", ProfileReviewed.TYPE);
        ((ObjectNode) rejected.get("data")).put("partnerId", partnerId.toString()).put("decision", "REJECTED");
        TestKafka.send(brokers, "partner.review.v1", partnerId.toString(), rejected.toString());
        MimeMessage mail = TestMail.await(email(member), "Ihr Partnerprofil wurde nicht freigegeben");
        assertThat(TestMail.text(mail)).contains("„Beispiel Stadtentwicklung GmbH“")
                .contains(BASE_URL + "/mein-partnerprofil");

        ObjectNode verified = event("partner-service", "partner.review.v1", ProfileReviewed.TYPE);
        ((ObjectNode) verified.get("data")).put("partnerId", partnerId.toString()).put("decision", "VERIFIED");
        TestKafka.send(brokers, "partner.review.v1", partnerId.toString(), verified.toString());
        MimeMessage second = TestMail.await(email(member), "Ihr Partnerprofil ist freigegeben");
        assertThat(TestMail.text(second)).contains(BASE_URL + "/partner/" + partnerId);
        assertThat(TestMail.to(email(member))).hasSize(2);
    }

    @Test
    void aDecisionOnACaseGoesToItsAuthorOnlyAndNotAfterTheyAskedToBeForgotten() throws Exception {
        String author = unique("autorin");
        String colleague = unique("kollegin");
        String authorToken = TestTokens.get().token(author, "kommune", FLENSBURG);
        register(authorToken);
        register(TestTokens.get().token(colleague, "kommune", FLENSBURG));
        mvc.perform(get("/api/notifications/me/address").header("Authorization", "Bearer " + authorToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email(author)))
                .andExpect(jsonPath("$.organisation").value(FLENSBURG))
                .andExpect(jsonPath("$.roles[0]").value("kommune"));

        ObjectNode changes = event("catalog-service", "catalog.review.v1", CaseReviewed.TYPE);
        ObjectNode data = (ObjectNode) changes.get("data");
        UUID caseId = UUID.randomUUID();
        data.put("caseId", caseId.toString()).put("authorSubject", subject(author)).put("revision", true);
        TestKafka.send(brokers, "catalog.review.v1", caseId.toString(), changes.toString());
        MimeMessage mail = TestMail.await(email(author),
                "Die Redaktion bittet um Änderungen an „Leerstandskataster für die Innenstadt“");
        assertThat(TestMail.text(mail)).contains("Ihre Überarbeitung des Praxisbeispiels")
                .contains(BASE_URL + "/meine-praxisbeispiele");

        // forgotten: the next decision reaches nobody
        mvc.perform(delete("/api/notifications/me/address").header("Authorization", "Bearer " + authorToken))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/notifications/me/address").header("Authorization", "Bearer " + authorToken))
                .andExpect(status().isNotFound());
        ObjectNode published = event("catalog-service", "catalog.review.v1", CaseReviewed.TYPE);
        ((ObjectNode) published.get("data")).put("caseId", caseId.toString()).put("authorSubject", subject(author))
                .put("decision", "PUBLISHED");
        TestKafka.send(brokers, "catalog.review.v1", caseId.toString(), published.toString());
        // a member who turned these mails off gets none (and the choice survives the next sign-in)
        String off = unique("ohne-mails");
        String offToken = TestTokens.get().token(off, "kommune", FLENSBURG);
        mvc.perform(put("/api/notifications/me/address").header("Authorization", "Bearer " + offToken)
                        .contentType("application/json").content("{\"workflowMails\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.workflowMails").value(false));
        register(offToken);
        mvc.perform(get("/api/notifications/me/address").header("Authorization", "Bearer " + offToken))
                .andExpect(jsonPath("$.workflowMails").value(false));
        ObjectNode forOff = event("catalog-service", "catalog.review.v1", CaseReviewed.TYPE);
        ((ObjectNode) forOff.get("data")).put("caseId", caseId.toString()).put("authorSubject", subject(off));
        TestKafka.send(brokers, "catalog.review.v1", caseId.toString(), forOff.toString());
        // a later event on the same key shows the ones before were handled
        ObjectNode forColleague = event("catalog-service", "catalog.review.v1", CaseReviewed.TYPE);
        ((ObjectNode) forColleague.get("data")).put("caseId", caseId.toString())
                .put("authorSubject", subject(colleague)).put("decision", "PUBLISHED");
        TestKafka.send(brokers, "catalog.review.v1", caseId.toString(), forColleague.toString());
        TestMail.await(email(colleague), "Ihr Praxisbeispiel „Leerstandskataster für die Innenstadt“ ist "
                + "veröffentlicht");
        assertThat(TestMail.to(email(author))).hasSize(1);
        assertThat(TestMail.to(email(off))).isEmpty();
    }

    @Test
    void anAccountWithoutAVerifiedAddressIsToldSo() throws Exception {
        java.util.Map<String, Object> unverified = new java.util.HashMap<>();
        unverified.put("email_verified", false);
        String token = TestTokens.get().tokenWith(unique("ungeprueft"), "kommune", FLENSBURG, unverified);
        mvc.perform(put("/api/notifications/me/address").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get("/api/notifications/me/address").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/notifications/me/address")).andExpect(status().isUnauthorized());
    }

    @Test
    void theRecordsFitTheProducersContracts() {
        EventContracts.assertConsumerRecordFits(CaseReviewed.class, schema("catalog-service", "catalog.review.v1",
                CaseReviewed.TYPE), example("catalog-service", "catalog.review.v1", CaseReviewed.TYPE), "caseId",
                "title", "ags", "authorSubject", "revision", "decision", "decidedAt");
        EventContracts.assertConsumerRecordFits(ProfileReviewed.class, schema("partner-service", "partner.review.v1",
                ProfileReviewed.TYPE), example("partner-service", "partner.review.v1", ProfileReviewed.TYPE),
                "partnerId", "partnerName", "decision", "reviewedAt");
        EventContracts.assertConsumerRecordFits(ReferenceClaimed.class, schema("partner-service",
                "partner.review.v1", ReferenceClaimed.TYPE), example("partner-service", "partner.review.v1",
                ReferenceClaimed.TYPE), "referenceId", "partnerId", "partnerName", "caseId", "caseTitle", "caseAgs",
                "role", "claimedAt", "claimedOnBehalf");
    }

    private static java.nio.file.Path schema(String module, String topic, String type) {
        return EventSchemas.producerFile(module, "events/" + topic + "/" + type + ".schema.json");
    }

    private static java.nio.file.Path example(String module, String topic, String type) {
        return EventSchemas.producerFile(module, "events/" + topic + "/" + type + ".example.json");
    }
}
