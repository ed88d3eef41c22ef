package de.stadtretter.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/**
 * The rules every Stadtretter workload follows in every overlay: probes on the actuator's groups, requests and a
 * memory limit with a heap sized from it, graceful shutdown within the grace period, non-root with a read-only root
 * filesystem and no privilege escalation, secrets only as mounted files, pinned images.
 */
class WorkloadRulesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    static final Set<String> COMPONENTS = Set.of("gateway", "portal", "catalog-service", "partner-service",
            "matching-service", "notification-service");
    /** spring.lifecycle.timeout-per-shutdown-phase (20 s in the services; Spring's default 30 s in gateway and portal). */
    private static final Map<String, Integer> SHUTDOWN_SECONDS = Map.of("gateway", 30, "portal", 30);
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential|private|apikey|api_key).*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyComponentIsDeployed(String overlay) {
        Set<String> names = new HashSet<>();
        Manifests.ofKind(overlay, "Deployment").forEach(d -> names.add(Manifests.name(d)));
        assertThat(names).containsExactlyInAnyOrderElementsOf(COMPONENTS);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesOnTheActuatorGroups(String overlay) {
        for (JsonNode c : containers(overlay)) {
            String what = overlay + " " + c.path("name").asString();
            assertThat(c.path("startupProbe").path("httpGet").path("path").asString()).as(what).isEqualTo("/actuator/health/liveness");
            assertThat(c.path("livenessProbe").path("httpGet").path("path").asString()).as(what).isEqualTo("/actuator/health/liveness");
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asString()).as(what).isEqualTo("/actuator/health/readiness");
            // the startup probe gives a cold JVM time; liveness only starts after it
            int startupBudget = c.path("startupProbe").path("periodSeconds").asInt() * c.path("startupProbe").path("failureThreshold").asInt();
            assertThat(startupBudget).as(what + " startup budget (s)").isGreaterThanOrEqualTo(120);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void requestsLimitsAndAHeapSizedFromTheLimit(String overlay) {
        for (JsonNode c : containers(overlay)) {
            String what = overlay + " " + c.path("name").asString();
            JsonNode resources = c.path("resources");
            assertThat(resources.path("requests").has("cpu")).as(what + " cpu request").isTrue();
            assertThat(resources.path("requests").has("memory")).as(what + " memory request").isTrue();
            assertThat(resources.path("limits").has("memory")).as(what + " memory limit").isTrue();
            assertThat(mebibytes(resources.path("requests").path("memory").asString()))
                    .as(what + " request <= limit")
                    .isLessThanOrEqualTo(mebibytes(resources.path("limits").path("memory").asString()));
            assertThat(env(c, "JAVA_TOOL_OPTIONS")).as(what).containsPattern("-XX:MaxRAMPercentage=\\d+");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void gracefulShutdownWithinTheGracePeriod(String overlay) {
        for (JsonNode d : Manifests.ofKind(overlay, "Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            int preStop = c.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
            int phase = SHUTDOWN_SECONDS.getOrDefault(Manifests.name(d), 20);
            assertThat(preStop).as(Manifests.name(d) + " preStop sleep").isPositive();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(Manifests.name(d) + " grace period")
                    .isGreaterThan(preStop + phase);
            assertThat(d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt())
                    .as(Manifests.name(d) + " maxUnavailable").isZero();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void nonRootReadOnlyNoEscalation(String overlay) {
        for (JsonNode d : Manifests.ofKind(overlay, "Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            String what = overlay + " " + Manifests.name(d);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(what).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(what).isPositive();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(what + " token").isFalse();
            for (JsonNode c : pod.path("containers")) {
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
                assertThat(sc.path("capabilities").path("drop").toString()).as(what).contains("\"ALL\"");
                assertThat(sc.path("privileged").asBoolean()).as(what).isFalse();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretsOnlyAsMountedFiles(String overlay) {
        // no Secret is rendered: the operator creates them (runbook), nothing in the repository holds a value
        assertThat(Manifests.ofKind(overlay, "Secret")).isEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode c : containers(overlay)) {
            for (JsonNode e : c.path("env")) {
                if (e.has("value") && SECRET_NAME.matcher(e.path("name").asString()).matches()) {
                    problems.add(c.path("name").asString() + ": env " + e.path("name").asString() + " has a value");
                }
                if (e.path("valueFrom").has("secretKeyRef")) {
                    problems.add(c.path("name").asString() + ": env " + e.path("name").asString() + " from a Secret (mount it as a file)");
                }
            }
            if (c.has("envFrom")) {
                problems.add(c.path("name").asString() + ": envFrom");
            }
        }
        for (JsonNode cm : Manifests.ofKind(overlay, "ConfigMap")) {
            for (var field : cm.path("data").properties()) {
                secretKeys(Manifests.name(cm) + "/" + field.getKey(), field.getKey(), field.getValue().asString(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretAServiceReadsIsMountedIntoItsConfigTree(String overlay) {
        for (JsonNode d : Manifests.ofKind(overlay, "Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            for (JsonNode v : pod.path("volumes")) {
                if (!v.has("secret")) {
                    continue;
                }
                String mount = mountPath(c, v.path("name").asString());
                assertThat(mount).as(Manifests.name(d) + " mounts " + v.path("name").asString())
                        .startsWith("/etc/stadtretter/secrets/");
                assertThat(env(c, "SPRING_CONFIG_IMPORT")).contains("configtree:/etc/stadtretter/secrets/*/");
                // the file names are the Spring properties they set
                for (JsonNode item : v.path("secret").path("items")) {
                    assertThat(item.path("path").asString()).as(Manifests.name(d)).matches("[a-z0-9.-]+\\.[a-z0-9.-]+");
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesArePinned(String overlay) {
        for (JsonNode c : containers(overlay)) {
            String image = c.path("image").asString();
            assertThat(image).as(c.path("name").asString()).matches(".+(:[\\w.-]+|@sha256:[0-9a-f]{64})$").doesNotEndWith(":latest");
        }
    }

    static List<JsonNode> containers(String overlay) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode d : Manifests.ofKind(overlay, "Deployment")) {
            d.path("spec").path("template").path("spec").path("containers").forEach(all::add);
            d.path("spec").path("template").path("spec").path("initContainers").forEach(all::add);
        }
        assertThat(all).isNotEmpty();
        return all;
    }

    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asString())) {
                return e.path("value").asString();
            }
        }
        return "";
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (volume.equals(m.path("name").asString())) {
                return m.path("mountPath").asString();
            }
        }
        return "";
    }

    /** A ConfigMap entry that is YAML (application.yaml) must not set a property whose name says it is secret. */
    private static void secretKeys(String where, String key, String value, List<String> problems) {
        if (SECRET_NAME.matcher(key).matches()) {
            problems.add(where + ": key " + key);
        }
        if (key.endsWith(".yaml") || key.endsWith(".yml")) {
            walk(where, "", Manifests.YAML.readTree(value), problems);
        }
    }

    private static void walk(String where, String path, JsonNode node, List<String> problems) {
        if (node.isObject()) {
            for (var f : node.properties()) {
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (SECRET_NAME.matcher(f.getKey()).matches() && f.getValue().isValueNode()) {
                    problems.add(where + ": " + p);
                }
                walk(where, p, f.getValue(), problems);
            }
        }
    }

    static long mebibytes(String quantity) {
        var m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("quantity " + quantity + " in Mi or Gi").isTrue();
        return Long.parseLong(m.group(1)) * ("Gi".equals(m.group(2)) ? 1024 : 1);
    }
}
