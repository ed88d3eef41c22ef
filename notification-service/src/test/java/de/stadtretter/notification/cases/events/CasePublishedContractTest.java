package de.stadtretter.notification.cases.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.testing.EventSchemas;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** This service's {@link CasePublished} against catalog-service's schema and example of the event. */
class CasePublishedContractTest {

    private static final String DIR = "events/catalog.case.v1/";
    private static final Path SCHEMA = EventSchemas.producerFile("catalog-service",
            DIR + "de.stadtretter.catalog.case.published.v1.schema.json");
    private static final Path EXAMPLE = EventSchemas.producerFile("catalog-service",
            DIR + "de.stadtretter.catalog.case.published.v1.example.json");
    /** What a mail cannot do without: the producer must promise to send it. */
    private static final Set<String> NEEDED = Set.of("caseId", "title", "teaser", "topics");

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEvents cloudEvents = new CloudEvents(json);

    @Test
    void theExampleConformsToTheSchema() throws Exception {
        assertThat(EventSchemas.errors(SCHEMA, Files.readString(EXAMPLE))).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnEventWithoutWhatThisServiceNeeds() {
        for (String field : NEEDED) {
            ObjectNode event = (ObjectNode) EventSchemas.read(EXAMPLE);
            ((ObjectNode) event.get("data")).remove(field);
            assertThat(EventSchemas.errors(SCHEMA, json.writeValueAsString(event))).as(field).isNotEmpty();
        }
    }

    @Test
    void theRecordReadsTheExample() throws Exception {
        CloudEvent event = cloudEvents.parse(Files.readString(EXAMPLE));
        assertThat(event.type()).isEqualTo(CasePublished.TYPE);
        CasePublished data = cloudEvents.data(event, CasePublished.class);
        assertThat(VALIDATOR.validate(data)).isEmpty();
        assertThat(data).isEqualTo(new CasePublished(
                UUID.fromString("0b9e7d3a-51c4-4f2e-8a6b-93d1c0e5f7a2"),
                "Pop-up-Stores gegen Leerstand in der Flensburger Altstadt",
                "Die Stadt vermittelt leerstehende Ladenlokale für drei bis zwölf Monate zu reduzierten Mieten an "
                        + "Gründerinnen und Gründer.",
                "01001000", "Flensburg, Stadt", "SH", List.of("leerstand", "handel-innovation"),
                Instant.parse("2026-11-26T10:15:30.120Z"), Instant.parse("2026-11-26T10:15:30.120Z")));
    }

    @Test
    void everyFieldTheRecordReadsIsDeclaredAndTheNeededOnesAreRequired() {
        JsonNode dataSchema = EventSchemas.read(SCHEMA).get("properties").get("data");
        Set<String> declared = new HashSet<>(dataSchema.get("properties").propertyNames());
        Set<String> required = new HashSet<>();
        dataSchema.get("required").forEach(n -> required.add(n.asString()));

        List<String> read = Arrays.stream(CasePublished.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(declared).containsAll(read);
        assertThat(read).containsAll(NEEDED);
        assertThat(required).containsAll(NEEDED);
    }

    @Test
    void theUpdatedRecordFitsTheProducersCaseUpdated() throws Exception {
        Path schema = EventSchemas.producerFile("catalog-service",
                DIR + "de.stadtretter.catalog.case.updated.v1.schema.json");
        Path example = EventSchemas.producerFile("catalog-service",
                DIR + "de.stadtretter.catalog.case.updated.v1.example.json");
        assertThat(EventSchemas.errors(schema, Files.readString(example))).isEmpty();
        CloudEvent event = cloudEvents.parse(Files.readString(example));
        assertThat(event.type()).isEqualTo(CasePublished.UPDATED_TYPE);
        CasePublished data = cloudEvents.data(event, CasePublished.class);
        assertThat(VALIDATOR.validate(data)).isEmpty();
        assertThat(data.title()).isNotBlank();

        JsonNode dataSchema = EventSchemas.read(schema).get("properties").get("data");
        Set<String> declared = new HashSet<>(dataSchema.get("properties").propertyNames());
        Set<String> required = new HashSet<>();
        dataSchema.get("required").forEach(n -> required.add(n.asString()));
        assertThat(declared).containsAll(Arrays.stream(CasePublished.class.getRecordComponents())
                .map(c -> c.getName()).toList());
        assertThat(required).containsAll(NEEDED);
    }

    @Test
    void theArchivedRecordReadsTheProducersExample() throws Exception {
        Path example = EventSchemas.producerFile("catalog-service",
                DIR + "de.stadtretter.catalog.case.archived.v1.example.json");
        CloudEvent event = cloudEvents.parse(Files.readString(example));
        assertThat(event.type()).isEqualTo(CaseArchived.TYPE);
        CaseArchived data = cloudEvents.data(event, CaseArchived.class);
        assertThat(VALIDATOR.validate(data)).isEmpty();
        JsonNode dataSchema = EventSchemas.read(EventSchemas.producerFile("catalog-service",
                DIR + "de.stadtretter.catalog.case.archived.v1.schema.json")).get("properties").get("data");
        assertThat(new HashSet<>(dataSchema.get("properties").propertyNames())).containsAll(
                Arrays.stream(CaseArchived.class.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Test
    void unknownPropertiesAreIgnoredAndIncompleteDataIsMalformed() {
        ObjectNode event = (ObjectNode) EventSchemas.read(EXAMPLE);
        ((ObjectNode) event.get("data")).put("someFutureField", "v1 grows additively");
        CloudEvent parsed = cloudEvents.parse(json.writeValueAsString(event));
        assertThat(cloudEvents.data(parsed, CasePublished.class).title()).isNotBlank();

        ((ObjectNode) event.get("data")).remove("title");
        CloudEvent incomplete = cloudEvents.parse(json.writeValueAsString(event));
        assertThat(VALIDATOR.validate(cloudEvents.data(incomplete, CasePublished.class)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("title");
    }
}
