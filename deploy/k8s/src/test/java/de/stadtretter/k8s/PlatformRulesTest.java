package de.stadtretter.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/**
 * The rules that tie the manifests to the code: every topic the services use has a KafkaTopic and a dead-letter
 * topic; every service database exists in the CloudNativePG cluster with its owner; the network is closed by default
 * and opened only for the flows of the architecture; only the gateway has an Ingress; metrics are scraped; prod is
 * redundant and backed up; the production realm has no test access.
 */
class PlatformRulesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final List<String> SERVICES = List.of("catalog-service", "partner-service", "matching-service",
            "notification-service");
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"([a-z]+\\.[a-z]+\\.v\\d+)\"");
    private static final Pattern JDBC_URL = Pattern.compile("url: jdbc:postgresql://([a-z0-9-]+):5432/([a-z_]+)");

    /** The topics named in the services' code: producer topics (events/<topic>/ schemas) and listener topics. */
    static Set<String> topicsInCode() {
        Set<String> topics = new TreeSet<>();
        for (String module : SERVICES) {
            Manifests.sources(module).forEach(file -> {
                String path = file.toString().replace('\\', '/');
                Matcher folder = Pattern.compile("/resources/events/([a-z]+\\.[a-z]+\\.v\\d+)/").matcher(path);
                if (folder.find()) {
                    topics.add(folder.group(1));
                }
                if (path.endsWith(".java")) {
                    Matcher m = TOPIC_LITERAL.matcher(read(file));
                    while (m.find()) {
                        topics.add(m.group(1));
                    }
                }
            });
        }
        return topics;
    }

    @Test
    void theCodeNamesTheTopicsOfTheArchitecture() {
        // guards the scan itself: if it found nothing, the next test would pass for nothing
        assertThat(topicsInCode()).contains("catalog.case.v1", "catalog.review.v1", "partner.profile.v1",
                "partner.contact.v1", "partner.review.v1", "matching.need.v1", "matching.match.v1");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicTheServicesUseHasAKafkaTopicAndADeadLetterTopic(String overlay) {
        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode t : Manifests.ofKind(overlay, "KafkaTopic")) {
            declared.put(t.path("spec").path("topicName").asString(), t);
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asString()).isEqualTo("stadtretter-kafka");
        }
        for (String topic : topicsInCode()) {
            for (String name : List.of(topic, topic + "-dlt")) {
                assertThat(declared.keySet()).as(overlay + ": KafkaTopic for " + name).contains(name);
                JsonNode spec = declared.get(name).path("spec");
                // dead letters go to the same partition as the record came from: as many partitions as the source
                assertThat(spec.path("partitions").asInt()).as(name).isEqualTo(3);
                assertThat(spec.path("config").path("retention.ms").asLong()).as(name + " retention").isPositive();
            }
        }
        assertThat(Manifests.named(overlay, "Kafka", "stadtretter-kafka").path("spec").path("kafka").path("config")
                .path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceDatabaseExistsWithItsOwner(String overlay) {
        JsonNode cluster = Manifests.named(overlay, "Cluster", "stadtretter-db");
        Set<String> roles = new HashSet<>();
        Map<String, String> roleSecrets = new HashMap<>();
        for (JsonNode r : cluster.path("spec").path("managed").path("roles")) {
            roles.add(r.path("name").asString());
            roleSecrets.put(r.path("name").asString(), r.path("passwordSecret").path("name").asString());
        }
        Map<String, String> owners = new HashMap<>();
        for (JsonNode db : Manifests.ofKind(overlay, "Database")) {
            assertThat(db.path("spec").path("cluster").path("name").asString()).isEqualTo("stadtretter-db");
            owners.put(db.path("spec").path("name").asString(), db.path("spec").path("owner").asString());
        }
        for (String component : List.of("catalog-service", "partner-service", "matching-service",
                "notification-service", "portal")) {
            String config = Manifests.named(overlay, "ConfigMap", component).path("data").path("application.yaml").asString();
            Matcher m = JDBC_URL.matcher(config);
            assertThat(m.find()).as(component + " datasource url").isTrue();
            assertThat(m.group(1)).as(component + " connects to the cluster's primary").isEqualTo("stadtretter-db-rw");
            String database = m.group(2);
            assertThat(owners).as(overlay + ": Database " + database).containsEntry(database, database);
            assertThat(roles).as(overlay + ": role " + database).contains(database);
            // the service logs in as the owner, with the Secret the operator manages the password of
            JsonNode pod = Manifests.named(overlay, "Deployment", component).path("spec").path("template").path("spec");
            assertThat(pod.path("volumes").toString()).as(component)
                    .contains("\"secretName\":\"" + roleSecrets.get(database) + "\"");
        }
        // and the databases of the code: each service's own application.yaml names the same database
        for (String service : SERVICES) {
            String local = read(Manifests.repoDir().resolve(service).resolve("src/main/resources/application.yaml"));
            Matcher m = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)").matcher(local);
            assertThat(m.find()).isTrue();
            assertThat(owners).as(service + "'s database " + m.group(1)).containsKey(m.group(1));
        }
        assertThat(owners).containsKey("keycloak");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theNetworkIsClosedByDefault(String overlay) {
        JsonNode deny = Manifests.named(overlay, "NetworkPolicy", "default-deny").path("spec");
        assertThat(deny.path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.has("ingress") || deny.has("egress")).isFalse();
        // each component has its own policy, for ingress and egress; no rule opens everything to everyone
        for (String component : WorkloadRulesTest.COMPONENTS) {
            JsonNode spec = Manifests.named(overlay, "NetworkPolicy", component).path("spec");
            assertThat(spec.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString()).isEqualTo(component);
            assertThat(spec.path("policyTypes").toString()).contains("Ingress", "Egress");
            for (JsonNode rule : spec.path("ingress")) {
                assertThat(rule.has("from")).as(component + " ingress rule names its sources").isTrue();
                assertThat(rule.has("ports")).as(component + " ingress rule names its ports").isTrue();
            }
            for (JsonNode rule : spec.path("egress")) {
                assertThat(rule.has("ports")).as(component + " egress rule names its ports").isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theFlowsOfTheArchitecture(String overlay) {
        // from the internet only to the gateway; the services only from the gateway and the portal
        assertThat(ingressSources(overlay, "gateway")).contains("ns:ingress-nginx").doesNotContain("app:portal");
        for (String service : SERVICES) {
            assertThat(ingressSources(overlay, service)).as(service)
                    .containsExactlyInAnyOrder("app:gateway", "app:portal", "ns:monitoring");
        }
        assertThat(ingressSources(overlay, "portal")).containsExactlyInAnyOrder("app:gateway", "ns:monitoring");
        // the gateway reaches the portal and the services, nothing else (no database, no Kafka)
        String gatewayEgress = Manifests.named(overlay, "NetworkPolicy", "gateway").path("spec").path("egress").toString();
        assertThat(gatewayEgress).contains("portal", "catalog-service", "notification-service")
                .doesNotContain("cnpg.io", "strimzi.io");
        // only the notification-service leaves the cluster (its SMTP relay)
        for (JsonNode p : Manifests.ofKind(overlay, "NetworkPolicy")) {
            if (p.path("spec").path("egress").toString().contains("0.0.0.0/0")) {
                assertThat(Manifests.name(p)).isEqualTo("notification-service");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayHasAnIngressAndEveryComponentIsScraped(String overlay) {
        List<JsonNode> ingresses = Manifests.ofKind(overlay, "Ingress");
        assertThat(ingresses).hasSize(1);
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                assertThat(path.path("backend").path("service").path("name").asString()).isEqualTo("gateway");
            }
        }
        assertThat(ingresses.get(0).path("spec").path("tls")).isNotEmpty();
        for (String component : WorkloadRulesTest.COMPONENTS) {
            JsonNode monitor = Manifests.named(overlay, "ServiceMonitor", component).path("spec");
            JsonNode service = Manifests.named(overlay, "Service", component);
            assertThat(monitor.path("selector").path("matchLabels").path("app.kubernetes.io/name").asString())
                    .isEqualTo(service.path("metadata").path("labels").path("app.kubernetes.io/name").asString());
            String port = monitor.path("endpoints").get(0).path("port").asString();
            assertThat(service.path("spec").path("ports").toString()).contains("\"name\":\"" + port + "\"");
            assertThat(monitor.path("endpoints").get(0).path("path").asString()).isEqualTo("/actuator/prometheus");
        }
    }

    @Test
    void devRunsOneOfEach() {
        for (JsonNode d : Manifests.ofKind("dev", "Deployment")) {
            assertThat(d.path("spec").path("replicas").asInt()).as(Manifests.name(d)).isEqualTo(1);
        }
        assertThat(Manifests.ofKind("dev", "HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void prodIsRedundantSpreadAndAutoscaled() {
        for (JsonNode d : Manifests.ofKind("prod", "Deployment")) {
            String name = Manifests.name(d);
            assertThat(d.path("spec").path("replicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(d.path("spec").path("template").path("spec").path("topologySpreadConstraints").toString())
                    .as(name).contains("kubernetes.io/hostname", "DoNotSchedule");
            JsonNode hpa = Manifests.named("prod", "HorizontalPodAutoscaler", name).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asString()).isEqualTo(name);
            assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.path("metrics").toString()).contains("\"name\":\"cpu\"");
            JsonNode pdb = Manifests.named("prod", "PodDisruptionBudget", name).path("spec");
            assertThat(pdb.path("selector").path("matchLabels").path("app.kubernetes.io/name").asString()).isEqualTo(name);
            assertThat(pdb.path("minAvailable").asInt()).isLessThan(hpa.path("minReplicas").asInt());
        }
        // consumers beyond the partition count idle: the Kafka-driven services stop at 3
        for (String name : List.of("matching-service", "notification-service")) {
            assertThat(Manifests.named("prod", "HorizontalPodAutoscaler", name).path("spec").path("maxReplicas").asInt())
                    .isLessThanOrEqualTo(3);
        }
    }

    @Test
    void prodKafkaHasThreeBrokersAndReplicatesThreeTimes() {
        int brokers = 0;
        for (JsonNode pool : Manifests.ofKind("prod", "KafkaNodePool")) {
            if (pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        assertThat(brokers).isGreaterThanOrEqualTo(3);
        JsonNode config = Manifests.named("prod", "Kafka", "stadtretter-kafka").path("spec").path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        // no topic overrides the replication below the cluster's default
        for (JsonNode t : Manifests.ofKind("prod", "KafkaTopic")) {
            assertThat(t.path("spec").path("replicas").asInt(3)).as(Manifests.name(t)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void prodPostgresHasReplicasAndBackups() {
        JsonNode cluster = Manifests.named("prod", "Cluster", "stadtretter-db").path("spec");
        assertThat(cluster.path("instances").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode plugin = cluster.path("plugins").get(0);
        assertThat(plugin.path("name").asString()).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        String store = plugin.path("parameters").path("barmanObjectName").asString();
        JsonNode objectStore = Manifests.named("prod", "ObjectStore", store).path("spec");
        assertThat(objectStore.path("configuration").path("destinationPath").asString()).startsWith("s3://");
        assertThat(objectStore.path("retentionPolicy").asString()).isNotEmpty();
        JsonNode scheduled = Manifests.ofKind("prod", "ScheduledBackup").get(0).path("spec");
        assertThat(scheduled.path("cluster").path("name").asString()).isEqualTo("stadtretter-db");
        assertThat(scheduled.path("method").asString()).isEqualTo("plugin");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRealmHasNoTestAccess(String overlay) {
        JsonNode realm = Manifests.named(overlay, "KeycloakRealmImport", "stadtretter-realm").path("spec").path("realm");
        assertThat(realm.path("realm").asString()).isEqualTo("stadtretter");
        assertThat(realm.path("users")).isEmpty();
        assertThat(realm.path("clients")).isNotEmpty();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            assertThat(id).isNotEqualTo("stadtretter-cli");
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + " password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.path("redirectUris").toString()).as(id).doesNotContain("localhost").contains("https://");
            // the client secret is a placeholder filled from a Secret, never a value in the repository
            assertThat(client.path("secret").asString()).as(id).matches("\\$\\{[A-Z_]+}");
        }
        assertThat(realm.path("sslRequired").asString()).isEqualTo("all");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.toString()).doesNotContain("\"password\"", "local-only");
    }

    private static Set<String> ingressSources(String overlay, String component) {
        Set<String> sources = new TreeSet<>();
        for (JsonNode rule : Manifests.named(overlay, "NetworkPolicy", component).path("spec").path("ingress")) {
            for (JsonNode from : rule.path("from")) {
                if (from.has("podSelector")) {
                    sources.add("app:" + from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString());
                } else {
                    sources.add("ns:" + from.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asString());
                }
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
