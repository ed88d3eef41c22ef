package de.stadtretter.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboard asks Prometheus only for metrics the services really register. */
class DashboardTest {

    private static final Pattern METRIC = Pattern.compile("\\b(stadtretter_[a-z_]+)\\{");
    private static final Pattern METER_NAME = Pattern.compile("\"(stadtretter\\.[a-z_.]+)\"");

    @Test
    void everyStadtretterMetricOfTheDashboardIsRegisteredInTheCode() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(Manifests.k8sDir().resolve("dashboards/stadtretter.json")));
        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asString());
                while (m.find()) {
                    asked.add(m.group(1).replaceAll("_(total|seconds|count|sum|bucket|max)$", ""));
                }
            }
        }
        assertThat(asked).contains("stadtretter_outbox_backlog", "stadtretter_kafka_dead_letters",
                "stadtretter_mails_sent", "stadtretter_mails_failed", "stadtretter_search");
        Set<String> registered = new TreeSet<>();
        for (String module : Set.of("service-kit", "catalog-service", "partner-service", "matching-service",
                "notification-service", "gateway", "portal")) {
            Manifests.sources(module).filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = METER_NAME.matcher(Files.readString(f));
                    while (m.find()) {
                        registered.add(m.group(1).replace('.', '_'));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        // timers and gauges with a base unit carry it in their Prometheus name
        for (String metric : asked) {
            assertThat(registered.contains(metric) || registered.contains(metric.replaceAll("_seconds$", "")))
                    .as(metric + " is registered by a service").isTrue();
        }
    }
}
