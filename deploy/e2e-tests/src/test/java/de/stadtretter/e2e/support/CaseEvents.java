package de.stadtretter.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code de.stadtretter.catalog.case.published.v1} CloudEvents as catalog-service writes them, built from the
 * producer's own example ({@code catalog-service/src/main/resources/events/catalog.case.v1/}) with fresh values.
 */
public final class CaseEvents {

    public static final String TOPIC = "catalog.case.v1";
    public static final String DLT = "catalog.case.v1-dlt";
    public static final String PUBLISHED_TYPE = "de.stadtretter.catalog.case.published.v1";

    private CaseEvents() {
    }

    /** The example envelope with another event id, case id (also the subject), title, teaser, topics and time. */
    @SuppressWarnings("unchecked")
    public static String published(String eventId, String caseId, String title, List<String> topics) {
        Map<String, Object> event = Json.object(example());
        String now = Instant.now().toString();
        event.put("id", eventId);
        event.put("subject", caseId);
        event.put("time", now);
        Map<String, Object> data = (Map<String, Object>) event.get("data");
        data.put("caseId", caseId);
        data.put("title", title);
        data.put("teaser", "Ein Ereignis aus dem End-to-End-Test: " + title);
        data.put("topics", topics);
        data.put("publishedAt", now);
        return Json.write(event);
    }

    private static String example() {
        Path file = Path.of(System.getProperty("stadtretter.repoDir", "."), "catalog-service", "src", "main",
                "resources", "events", TOPIC, PUBLISHED_TYPE + ".example.json");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The producer's example event " + file + " is missing", e);
        }
    }
}
