package de.stadtretter.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas the rendered documents are checked against, kept in {@code deploy/k8s/schemas} (README.md there says
 * where each comes from): the Kubernetes 1.36 API for the built-in kinds, and the CRDs of Strimzi 1.2.0,
 * CloudNativePG 1.30.0 with its Barman Cloud plugin 0.14.0, the Keycloak operator 26.0.0 and the Prometheus
 * operator 0.93.0. The schemas are strict: an unknown field is an error, as with the API server's strict field
 * validation.
 */
final class SchemaCatalog {

    static final String KUBERNETES_VERSION = "1.36";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final JsonNode kubernetes;
    private final JsonNode crds;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    SchemaCatalog(Path dir) {
        this.kubernetes = read(dir.resolve("kubernetes.json"));
        this.crds = read(dir.resolve("crds.json"));
    }

    static SchemaCatalog load() {
        return new SchemaCatalog(Manifests.k8sDir().resolve("schemas"));
    }

    /** apiVersion/kind, e.g. {@code apps/v1/Deployment} or {@code v1/Service}. */
    static String key(JsonNode doc) {
        return doc.path("apiVersion").asString() + "/" + doc.path("kind").asString();
    }

    boolean knows(String key) {
        return kubernetes.path("kinds").has(key) || crds.has(key);
    }

    /** The problems of one document: empty when it is valid; one entry when its kind is unknown. */
    List<String> errors(JsonNode doc) {
        String key = key(doc);
        if (!knows(key)) {
            return List.of("no schema for " + key + " (Kubernetes " + KUBERNETES_VERSION + " or a stated operator's CRD)");
        }
        Schema schema = schemas.computeIfAbsent(key, this::schema);
        List<String> errors = new ArrayList<>(schema.validate(doc).stream().map(Error::toString).toList());
        if (crds.has(key)) {
            // a CRD's schema leaves metadata open; the API server checks it as the ObjectMeta it is
            Schema meta = schemas.computeIfAbsent("metadata", k -> definition(OBJECT_META));
            meta.validate(doc.path("metadata")).forEach(e -> errors.add("metadata: " + e));
        }
        return errors;
    }

    private Schema schema(String key) {
        if (crds.has(key)) {
            return REGISTRY.getSchema(crds.get(key));
        }
        return definition(kubernetes.path("kinds").path(key).asString());
    }

    private Schema definition(String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$ref", "#/definitions/" + name);
        root.set("definitions", kubernetes.get("definitions"));
        return REGISTRY.getSchema(root);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
