package de.stadtretter.launcher;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The pieces of the local platform, their ports and how to ask whether they answer. One place to extend. */
final class Components {

    static final String HOST = "127.0.0.1";

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int KEYCLOAK_PORT = 8180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 9190;
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final int MAIL_HTTP_PORT = 8025;
    static final int GATEWAY_PORT = 8080;
    static final int GATEWAY_MANAGEMENT_PORT = 9080;

    static final String REALM = "stadtretter";
    static final String KEYCLOAK_URL = "http://localhost:" + KEYCLOAK_PORT;
    static final String WELL_KNOWN = KEYCLOAK_URL + "/realms/" + REALM + "/.well-known/openid-configuration";

    /** Kafka topics the launcher creates (auto-create is off). Add new topics here. */
    record Topic(String name, int partitions) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("catalog.case.v1", 3),
            new Topic("catalog.case.v1-dlt", 3),
            new Topic("catalog.review.v1", 3),
            new Topic("catalog.review.v1-dlt", 3),
            new Topic("partner.profile.v1", 3),
            new Topic("partner.profile.v1-dlt", 3),
            new Topic("partner.contact.v1", 3),
            new Topic("partner.contact.v1-dlt", 3),
            new Topic("partner.review.v1", 3),
            new Topic("partner.review.v1-dlt", 3),
            new Topic("matching.need.v1", 3),
            new Topic("matching.need.v1-dlt", 3),
            new Topic("matching.match.v1", 3),
            new Topic("matching.match.v1-dlt", 3));

    /**
     * A Spring Boot application started with {@code java -jar <repo>/<module>/target/<module>.jar}; its actuator
     * answers on {@code managementPort} (the same as {@code port} unless the application separates them).
     */
    record Service(String name, int port, int managementPort, String database) {
        Service(String name, int port, String database) {
            this(name, port, port, database);
        }

        Path jar(Path repo) {
            return repo.resolve(name).resolve("target").resolve(name + ".jar");
        }

        String readinessUrl() {
            return "http://" + HOST + ":" + managementPort + "/actuator/health/readiness";
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", 8081, "catalog"),
            new Service("partner-service", 8082, "partner"),
            new Service("matching-service", 8083, "matching"),
            new Service("notification-service", 8084, "notification"));

    /**
     * The only component facing the internet: its actuator (probes, metrics) has a port of its own, never routed.
     * Needs Keycloak at start (OAuth2 client discovery), so it starts once Keycloak answers.
     */
    static final Service GATEWAY = new Service("gateway", GATEWAY_PORT, GATEWAY_MANAGEMENT_PORT, null);

    /**
     * The web portal behind the gateway: the browser's login session (in its own database) and the pages. Needs
     * Keycloak at start (OAuth2 client discovery) and PostgreSQL.
     */
    static final Service PORTAL = new Service("portal", 8085, 9085, "portal");

    static List<Service> allApps() {
        return java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(GATEWAY, PORTAL)).toList();
    }

    static List<String> databases() {
        return java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(PORTAL))
                .map(Service::database).toList();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** 200 and, when {@code mustContain} is given, a body containing it. */
    static boolean httpOk(String url, String mustContain) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && (mustContain == null || r.body().contains(mustContain));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    static boolean tcpOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Components() {
    }
}
