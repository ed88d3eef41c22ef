package de.stadtretter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What the gateway answers itself, byte for byte over a socket: every error is problem+json with the security
 * headers (also those Netty answers before Spring sees the request), the body limit holds for announced and chunked
 * bodies, public write endpoints are rate-limited per client address, caching fits what is served, and HTTP/1.0
 * keep-alive connections are kept.
 */
class GatewayHardeningTest extends GatewayIntegrationTest {

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void errorsOfTheGatewayItselfAreProblemJsonWithSecurityHeaders() throws IOException {
        for (String request : new String[] {
            "GET /api/unknown/things HTTP/1.1\r\n\r\n",
            "GET /api/matching/needs HTTP/1.1\r\n\r\n", // the service is down
            "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n", // request line too long
            "GET / HTTP/1.1\r\n" + "X-Filler: " + "b".repeat(200) + "\r\n".repeat(1).repeat(1)
                    + ("X-Many: " + "c".repeat(100) + "\r\n").repeat(300) + "\r\n", // headers too large
            "GET /\u0001 HTTP/1.1\r\n\r\n",
            "POST /api/catalog/cases HTTP/1.1\r\nContent-Length: 2000000\r\nContent-Type: application/json\r\n\r\n{",
        }) {
            Answer answer = send(request);
            assertThat(answer.status()).as(shorten(request)).isBetween(400, 503);
            assertThat(answer.header("content-type")).as(shorten(request)).startsWith("application/problem+json");
            assertThat(answer.body()).as(shorten(request)).contains("\"status\":" + answer.status())
                    .doesNotContain("Exception").doesNotContain("127.0.0.1");
            assertThat(answer.header("x-content-type-options")).as(shorten(request)).isEqualTo("nosniff");
            assertThat(answer.header("content-security-policy")).as(shorten(request)).contains("default-src");
            assertThat(answer.header("cache-control")).as(shorten(request)).isEqualTo("no-store");
        }
        assertThat(send("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n").status()).isEqualTo(414);
        assertThat(send("GET / HTTP/1.1\r\n" + ("X-Many: " + "c".repeat(100) + "\r\n").repeat(300) + "\r\n")
                .status()).isEqualTo(431);
    }

    @Test
    void bodiesOverTheLimitAreRefusedAnnouncedOrChunked() throws IOException {
        received.remove("catalog");
        Answer announced = send("POST /api/catalog/cases HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1100000\r\n\r\n" + "x".repeat(1_100_000));
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.header("content-type")).startsWith("application/problem+json");

        String chunk = "y".repeat(64 * 1024);
        String chunked = ("10000\r\n" + chunk + "\r\n").repeat(20) + "0\r\n\r\n";
        Answer streamed = send("POST /api/catalog/cases HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunked);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.header("content-type")).startsWith("application/problem+json");
        assertThat(received.get("catalog")).as("nothing of a too large body reached the service").isNull();
    }

    @Test
    void routedAnswersGetOneConsistentSetOfSecurityHeaders() throws IOException {
        Answer answer = send("GET /api/catalog/cases HTTP/1.1\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("x-xss-protection")).isEqualTo("0");
        assertThat(answer.header("strict-transport-security")).startsWith("max-age=31536000");
        assertThat(answer.header("permissions-policy")).contains("camera=()");
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.header("cache-control")).isEqualTo("no-store");
    }

    @Test
    void staticAssetsMayBeCachedPagesRevalidate() throws IOException {
        assertThat(send("GET /style.css HTTP/1.1\r\n\r\n").header("cache-control")).isEqualTo("public, max-age=3600");
        assertThat(send("GET / HTTP/1.1\r\n\r\n").header("cache-control")).isEqualTo("no-cache");
        assertThat(send("GET /privat/meine-praxisbeispiele HTTP/1.1\r\n\r\n").header("cache-control"))
                .as("the portal's no-store for a page with personal data is kept")
                .isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void everythingButTheApiGoesToThePortal() throws IOException {
        received.remove("portal");
        Answer page = send("GET /suche?q=Leerstand HTTP/1.1\r\n\r\n");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(received.get("portal").pathAndQuery()).isEqualTo("/suche?q=Leerstand");
        received.remove("portal");
        Answer unknownApi = send("GET /api/unknown HTTP/1.1\r\n\r\n");
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.header("content-type")).startsWith("application/problem+json");
        assertThat(received.get("portal")).as("an unknown API path is not a portal page").isNull();
        for (String internal : new String[] {"/error", "/actuator/health", "/api"}) {
            Answer answer = send("GET " + internal + " HTTP/1.1\r\n\r\n");
            assertThat(answer.status()).as(internal).isEqualTo(404);
            assertThat(received.get("portal")).as(internal).isNull();
        }
    }

    @Test
    void headBehavesLikeGetForPagesAndApi() throws IOException {
        Answer page = send("HEAD / HTTP/1.1\r\n\r\n");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body()).isEmpty();
        assertThat(send("HEAD /style.css HTTP/1.1\r\n\r\n").status()).isEqualTo(200);
        received.remove("catalog");
        assertThat(send("HEAD /api/catalog/cases HTTP/1.1\r\n\r\n").status()).isEqualTo(200);
        assertThat(received.get("catalog").method()).isEqualTo("HEAD");
    }

    @Test
    void publicWriteEndpointsAreLimitedPerClientAddress() throws IOException {
        String request = "POST " + LIMITED_PATH + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n%s\r\n{}";
        for (int i = 0; i < 3; i++) {
            assertThat(send(request.formatted("")).status()).as("request " + (i + 1)).isEqualTo(200);
        }
        received.remove("partner");
        Answer limited = send(request.formatted(""));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(1L, 3600L);
        // no trusted proxy is configured: a forged X-Forwarded-For does not make a new client
        assertThat(send(request.formatted("X-Forwarded-For: 203.0.113.7\r\n")).status()).isEqualTo(429);
        assertThat(received.get("partner")).as("refused requests do not reach the service").isNull();
    }

    @Test
    void http10KeepAliveConnectionsAreKept() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write("GET /api/catalog/cases HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                Answer answer = read(socket.getInputStream());
                assertThat(answer.status()).as("request " + (i + 1) + " on one connection").isEqualTo(200);
                assertThat(answer.header("connection")).as("request " + (i + 1)).isEqualToIgnoringCase("keep-alive");
            }
        }
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String withHost = request.replaceFirst("\r\n", "\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            try {
                socket.getOutputStream().write(withHost.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // answered and closed before the whole request was written: read the answer
            }
            return read(socket.getInputStream(), request.startsWith("HEAD "));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        return read(in, false);
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (head) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equals(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(in), 16); n > 0; n = Integer.parseInt(line(in), 16)) {
                out.write(in.readNBytes(n));
                line(in);
            }
            line(in);
            body = out.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String shorten(String request) {
        String first = request.lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }
}
