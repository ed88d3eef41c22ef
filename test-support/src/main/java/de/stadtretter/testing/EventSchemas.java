package de.stadtretter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract checks against the JSON Schemas the producing services own. The producer's schema files are read
 * from its module ({@code <repo>/<service>/src/main/resources/events/...}), found from the test's working directory;
 * a consumer's test therefore checks its own event records against the producer's current schema.
 */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {
    }

    /** A file in another module of this repository, e.g. {@code producerFile("catalog-service", "events/x.json")}. */
    public static Path producerFile(String module, String resource) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(module).resolve("src/main/resources").resolve(resource);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No " + resource + " in module " + module + " above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation errors of {@code json} against the schema in {@code schemaFile}; empty if it conforms. */
    public static List<String> errors(Path schemaFile, String json) {
        Schema schema = REGISTRY.getSchema(read(schemaFile));
        return schema.validate(JSON.readTree(json)).stream().map(Error::toString).toList();
    }
}
