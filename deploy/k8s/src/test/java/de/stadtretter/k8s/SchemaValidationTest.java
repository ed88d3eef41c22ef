package de.stadtretter.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every rendered document of every overlay is valid against its kind's schema, unknown fields included. */
class SchemaValidationTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final SchemaCatalog SCHEMAS = SchemaCatalog.load();

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDocumentFitsTheSchemaOfItsKind(String overlay) {
        List<JsonNode> docs = Manifests.render(overlay);
        assertThat(docs).hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            for (String e : SCHEMAS.errors(doc)) {
                problems.add(SchemaCatalog.key(doc) + " " + Manifests.name(doc) + ": " + e);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRestoreClusterFitsItsSchemaAndReadsTheProdBackups() throws Exception {
        List<JsonNode> docs = Manifests.parse(java.nio.file.Files.readString(
                Manifests.k8sDir().resolve("ops/restore-cluster.yaml")));
        assertThat(docs).hasSize(1);
        assertThat(SCHEMAS.errors(docs.get(0))).isEmpty();
        JsonNode source = docs.get(0).path("spec").path("externalClusters").get(0).path("plugin").path("parameters");
        assertThat(source.path("serverName").asString()).isEqualTo("stadtretter-db");
        Manifests.named("prod", "ObjectStore", source.path("barmanObjectName").asString());
    }

    @Test
    void theOperatorsJobsFitTheirSchemasAndRunLikeTheServices() throws Exception {
        List<JsonNode> jobs = Manifests.parse(java.nio.file.Files.readString(
                Manifests.k8sDir().resolve("ops/dead-letters-job.yaml")));
        assertThat(jobs).hasSize(1);
        JsonNode job = jobs.get(0);
        assertThat(SCHEMAS.errors(job)).isEmpty();
        JsonNode pod = job.path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        JsonNode c = pod.path("containers").get(0);
        assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(c.path("args").get(0).asString()).isEqualTo("dlt");
        // the Kafka address of the overlays, and a NetworkPolicy that lets the job reach it
        assertThat(c.path("args").toString()).contains("stadtretter-kafka-kafka-bootstrap:9092");
        String labels = job.path("spec").path("template").path("metadata").path("labels").toString();
        assertThat(labels).contains("stadtretter-ops");
        Manifests.named("prod", "NetworkPolicy", "stadtretter-ops");
    }

    @Test
    void anUnknownFieldIsAnError() {
        ObjectNode deployment = (ObjectNode) Manifests.named("prod", "Deployment", "catalog-service").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("livenessProbes", "typo");
        assertThat(SCHEMAS.errors(deployment)).anySatisfy(e -> assertThat(e).contains("livenessProbes"));

        ObjectNode topic = (ObjectNode) Manifests.named("prod", "KafkaTopic", "catalog-case-v1").deepCopy();
        ((ObjectNode) topic.path("spec")).put("partition", 3);
        assertThat(SCHEMAS.errors(topic)).anySatisfy(e -> assertThat(e).contains("partition"));

        ObjectNode realm = (ObjectNode) Manifests.named("prod", "KeycloakRealmImport", "stadtretter-realm").deepCopy();
        ((ObjectNode) realm.path("metadata")).put("label", "x");
        assertThat(SCHEMAS.errors(realm)).anySatisfy(e -> assertThat(e).startsWith("metadata: ").contains("label"));

        ObjectNode cluster = (ObjectNode) Manifests.named("prod", "Cluster", "stadtretter-db").deepCopy();
        ((ObjectNode) cluster.path("spec")).put("replicas", 3);
        assertThat(SCHEMAS.errors(cluster)).anySatisfy(e -> assertThat(e).contains("replicas"));
    }

    @Test
    void aWrongTypeOrAnUnknownKindIsAnError() {
        ObjectNode pdb = (ObjectNode) Manifests.named("prod", "PodDisruptionBudget", "gateway").deepCopy();
        ((ObjectNode) pdb.path("spec")).put("minAvailable", true);
        assertThat(SCHEMAS.errors(pdb)).isNotEmpty();

        ObjectNode keycloak = (ObjectNode) Manifests.named("prod", "Keycloak", "stadtretter-keycloak").deepCopy();
        ((ObjectNode) keycloak.path("spec")).put("instances", "two");
        assertThat(SCHEMAS.errors(keycloak)).anySatisfy(e -> assertThat(e).contains("instances"));

        ObjectNode unknown = (ObjectNode) Manifests.named("prod", "Service", "gateway").deepCopy();
        unknown.put("apiVersion", "v2");
        assertThat(SCHEMAS.errors(unknown)).singleElement().asString().contains("no schema for v2/Service");
    }

    @Test
    void intOrStringAndQuantitiesTakeBothForms() {
        ObjectNode deployment = (ObjectNode) Manifests.named("prod", "Deployment", "gateway").deepCopy();
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        ((ObjectNode) container.path("resources").path("requests")).put("cpu", 1);
        ((ObjectNode) container.path("livenessProbe").path("httpGet")).put("port", 9080);
        assertThat(SCHEMAS.errors(deployment)).isEmpty();
    }
}
