package de.stadtretter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import de.stadtretter.e2e.support.Endpoints;
import de.stadtretter.e2e.support.StadtretterPlatform;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dead-letter tool on the local platform ({@code stadtretter dlt}): a record notification-service cannot process
 * goes to {@code catalog.review.v1-dlt}; the fault is removed; {@code dlt list} and {@code dlt show} find the record,
 * {@code dlt replay --key} sends it back to its topic, and it is processed exactly once, also when replayed twice.
 * <p>
 * The fault: a trigger in notification-service's database refuses the mail row of exactly this event, as a bug in
 * the consumer would; "fixing the consumer" drops the trigger.
 */
@ExtendWith(StadtretterPlatform.class)
class DeadLetterReplayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "catalog.review.v1";
    private static final String MEMBER = "kommune2";
    private static final String ADDRESS = "kommune2@stadtretter.local";

    @Test
    void aPoisonRecordIsReplayedAfterTheFixAndProcessedExactlyOnce() throws Exception {
        String token = Endpoints.keycloak().token(MEMBER, Endpoints.DEMO_PASSWORD);
        String subject = String.valueOf(Endpoints.keycloak().claims(MEMBER, Endpoints.DEMO_PASSWORD).get("sub"));
        assertThat(Endpoints.gateway().put("/api/notifications/me/address", token, "{\"workflowMails\": true}")
                .statusCode()).isEqualTo(200);

        String caseId = UUID.randomUUID().toString();
        String title = "Totes Briefchen " + caseId.substring(0, 8);
        ObjectNode poison = event(caseId, subject, title);
        String eventId = poison.path("id").asString();
        sql("create or replace function e2e_poison() returns trigger language plpgsql as $$ begin "
                + "if new.event_id = '" + eventId + "' then raise exception 'poisoned for the dead-letter test'; "
                + "end if; return new; end $$");
        sql("drop trigger if exists e2e_poison on workflow_mail");
        sql("create trigger e2e_poison before insert on workflow_mail for each row execute function e2e_poison()");
        try {
            Endpoints.kafka().produceCloudEvent(TOPIC, caseId, poison.path("type").asString(), poison.toString());
            // after the consumer's retries the record is a dead letter
            Awaitility.await("the dead letter").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> dlt("list", TOPIC).contains(eventId));
        } finally {
            sql("drop trigger if exists e2e_poison on workflow_mail");
            sql("drop function if exists e2e_poison()");
        }
        assertThat(Endpoints.mail().inbox(ADDRESS)).noneMatch(m -> m.subject().contains(title));

        String listed = dlt("list", TOPIC).lines().filter(l -> l.contains(eventId)).findFirst().orElseThrow();
        assertThat(listed).contains("key=" + caseId, "group=notification-service", "from=" + TOPIC,
                "poisoned for the dead-letter test");
        Matcher position = Pattern.compile("^(\\d+@\\d+) ").matcher(listed);
        assertThat(position.find()).as(listed).isTrue();
        assertThat(dlt("show", TOPIC + "-dlt", position.group(1))).contains("kafka_dlt-original-topic: " + TOPIC,
                "\"id\":\"" + eventId + "\"", title);

        // the fault is gone: the replay is processed, once
        assertThat(dlt("replay", TOPIC, "--key", caseId)).contains("1 records replayed");
        String subjectLine = "Die Redaktion bittet um Änderungen an „" + title + "“";
        Endpoints.mail().await(ADDRESS, m -> m.subject().equals(subjectLine), Duration.ofSeconds(60));

        // replayed again, then a later event on the same key: when that one is mailed, the second replay was handled
        assertThat(dlt("replay", TOPIC, "--key", caseId)).contains("1 records replayed");
        String later = title + " (später)";
        ObjectNode next = event(caseId, subject, later);
        Endpoints.kafka().produceCloudEvent(TOPIC, caseId, next.path("type").asString(), next.toString());
        Endpoints.mail().await(ADDRESS, m -> m.subject().contains(later), Duration.ofSeconds(60));
        assertThat(Endpoints.mail().inbox(ADDRESS)).filteredOn(m -> m.subject().equals(subjectLine)).hasSize(1);

        // nothing to replay is said plainly, and bad arguments get one sentence and exit code 2
        assertThat(dlt("replay", TOPIC, "--key", "no-such-key")).contains("0 records replayed");
        Run wrong = launch("dlt", "replay", TOPIC);
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.output()).contains("Give exactly one of --all, --key KEY");
    }

    /** A CaseReviewed (changes requested) for {@code subject}, from catalog-service's own example. */
    private static ObjectNode event(String caseId, String subject, String title) throws java.io.IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(Path.of(System.getProperty(
                "stadtretter.repoDir"), "catalog-service/src/main/resources/events/catalog.review.v1",
                "de.stadtretter.catalog.case.reviewed.v1.example.json")));
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", caseId);
        ((ObjectNode) event.get("data")).put("caseId", caseId).put("authorSubject", subject).put("title", title)
                .put("decision", "CHANGES_REQUESTED");
        return event;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/notification", "postgres",
                "postgres"); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private record Run(int exit, String output) {}

    /** {@code stadtretter dlt …} as an operator runs it; fails the test unless it ends with 0. */
    private static String dlt(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("dlt"));
        all.addAll(List.of(args));
        Run run = launch(all.toArray(String[]::new));
        assertThat(run.exit()).as(run.output()).isZero();
        return run.output();
    }

    private static Run launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("stadtretter.launcherJar")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("dlt", ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("stadtretter " + String.join(" ", args) + " did not end in 90 s");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Run(p.exitValue(), output);
    }
}
