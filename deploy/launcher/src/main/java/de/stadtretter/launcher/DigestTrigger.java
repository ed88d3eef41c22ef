package de.stadtretter.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./stadtretter digest daily|weekly|immediate}: runs a digest of the running local platform now, as its
 * admin (the demo user {@code admin} of the local Keycloak), through the gateway's admin endpoint
 * {@code POST /api/notifications/admin/digests/{frequency}/runs}, then follows the run ({@code GET} of its
 * {@code Location}) until it has finished, and prints what it did.
 */
final class DigestTrigger {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private DigestTrigger() {
    }

    static int run(String frequency, PrintStream out) throws Exception {
        String f = frequency == null ? "" : frequency.toUpperCase(Locale.ROOT);
        if (!f.equals("DAILY") && !f.equals("WEEKLY") && !f.equals("IMMEDIATE")) {
            throw new Main.UserError("Which digest? Use: ./stadtretter digest daily|weekly|immediate");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String form = "grant_type=password&client_id=stadtretter-cli&username=admin&password="
                + URLEncoder.encode("demo", StandardCharsets.UTF_8);
        HttpResponse<String> token;
        try {
            token = http.send(HttpRequest.newBuilder(URI.create(Components.KEYCLOAK_URL
                            + "/realms/stadtretter/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new Main.UserError("Keycloak does not answer on " + Components.KEYCLOAK_URL
                    + "; is the platform running (./stadtretter)?");
        }
        Matcher m = ACCESS_TOKEN.matcher(token.body());
        if (token.statusCode() != 200 || !m.find()) {
            throw new Main.UserError("No admin token from the local Keycloak (HTTP " + token.statusCode() + ").");
        }
        String admin = "Bearer " + m.group(1);
        String gateway = "http://localhost:" + Components.GATEWAY_PORT;
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(gateway
                        + "/api/notifications/admin/digests/" + f + "/runs"))
                .header("Authorization", admin).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String location = started.headers().firstValue("Location").orElse(null);
        if (started.statusCode() != 202 || location == null) {
            out.println("digest " + f.toLowerCase(Locale.ROOT) + ": HTTP " + started.statusCode() + " "
                    + started.body());
            return 1;
        }
        out.println("digest " + f.toLowerCase(Locale.ROOT) + " started: " + started.body());
        // the run goes on in the service; follow it until it has finished (the token lasts long enough)
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(gateway + location))
                    .header("Authorization", admin).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (state.statusCode() != 200) {
                out.println("digest " + f.toLowerCase(Locale.ROOT) + ": HTTP " + state.statusCode() + " "
                        + state.body());
                return 1;
            }
            last = state.body();
            if (last.contains("\"status\":\"FINISHED\"")) {
                out.println("digest " + f.toLowerCase(Locale.ROOT) + " finished: " + last);
                return 0;
            }
            Thread.sleep(1_000);
        }
        out.println("digest " + f.toLowerCase(Locale.ROOT) + " still running after 30 minutes: " + last);
        return 1;
    }
}
