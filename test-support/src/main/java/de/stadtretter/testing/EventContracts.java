package de.stadtretter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer-side contract test in one call (Eventuate style): the consumer's own event record is checked
 * against the schema and example that the producer owns.
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private EventContracts() {
    }

    /**
     * Asserts that the producer's example conforms to the producer's schema, that every component of
     * {@code record} is a property the schema declares for {@code data}, that the components in
     * {@code requiredByConsumer} are required by the schema, and that the example's data reads into the record
     * with those components set.
     */
    public static <T extends Record> T assertConsumerRecordFits(Class<T> record, Path schemaFile, Path exampleFile,
            String... requiredByConsumer) {
        JsonNode schema = EventSchemas.read(schemaFile);
        JsonNode example = EventSchemas.read(exampleFile);
        assertThat(EventSchemas.errors(schemaFile, JSON.writeValueAsString(example)))
                .as("producer's example conforms to the producer's schema").isEmpty();

        JsonNode dataSchema = schema.path("properties").path("data");
        Set<String> declared = new HashSet<>();
        dataSchema.path("properties").propertyNames().forEach(declared::add);
        Set<String> required = new HashSet<>();
        dataSchema.path("required").forEach(n -> required.add(n.asString()));
        for (RecordComponent component : record.getRecordComponents()) {
            assertThat(declared).as("the producer's schema declares data.%s read by %s", component.getName(),
                    record.getSimpleName()).contains(component.getName());
        }
        assertThat(required).as("fields %s needs are required by the producer", record.getSimpleName())
                .contains(requiredByConsumer);

        T data = JSON.treeToValue(example.get("data"), record);
        for (String name : requiredByConsumer) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        assertThat(component.getAccessor().invoke(data)).as("%s read from the example", name)
                                .isNotNull();
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return data;
    }
}
