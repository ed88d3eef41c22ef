package de.stadtretter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * The one context of the gateway tests: the real gateway with its real application.yaml; each route points at a
 * small HTTP server standing in for one service, which records what arrives. A test-only rate-limit rule with a
 * small capacity ({@value #LIMITED_PATH}) keeps the rate-limit test independent of the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=", "management.server.port=0",
            "stadtretter.gateway.rate-limit.rules[0].method=POST",
            "stadtretter.gateway.rate-limit.rules[0].path=/api/notifications/subscriptions",
            "stadtretter.gateway.rate-limit.rules[0].capacity=50",
            "stadtretter.gateway.rate-limit.rules[1].method=POST",
            "stadtretter.gateway.rate-limit.rules[1].path=" + GatewayIntegrationTest.LIMITED_PATH,
            "stadtretter.gateway.rate-limit.rules[1].capacity=3",
            "stadtretter.gateway.rate-limit.rules[1].period=1h"})
abstract class GatewayIntegrationTest {

    static final String LIMITED_PATH = "/api/partners/test-contact-form";

    record Received(String service, String method, String pathAndQuery, String authorization, String body) {}

    static final Map<String, Received> received = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> services = new ConcurrentHashMap<>();

    static {
        for (String service : List.of("catalog", "partner", "matching", "notification", "portal")) {
            services.put(service, upstream(service));
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        services.forEach((name, server) -> registry.add("stadtretter.services." + name,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
        // the route to a service that is down: nothing listens on that port any more
        int closedPort = closedPort();
        registry.add("stadtretter.services.matching", () -> "http://127.0.0.1:" + closedPort);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RouteLocator routeLocator;

    RestClient http() {
        return http(port);
    }

    RestClient http(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer upstream(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.put(service, new Received(service, exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Authorization"),
                        body));
                String path = exchange.getRequestURI().getPath();
                boolean page = service.equals("portal") && !path.contains(".");
                byte[] answer = (page ? "<!DOCTYPE html><title>portal</title>" : "{\"service\":\"" + service + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", page ? "text/html;charset=UTF-8"
                        : path.endsWith(".css") ? "text/css" : "application/json");
                if (path.startsWith("/privat")) {
                    // like the portal's pages with personal data
                    exchange.getResponseHeaders().add("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
                }
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
