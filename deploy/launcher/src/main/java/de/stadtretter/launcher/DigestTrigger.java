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
 * {@code POST /api/notifications/admin/digests/{frequency}/runs}, and prints what the run did.
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
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + Components.GATEWAY_PORT + "/api/notifications/admin/digests/" + f + "/runs"))
                .header("Authorization", "Bearer " + m.group(1))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        out.println("digest " + f.toLowerCase(Locale.ROOT) + ": HTTP " + answer.statusCode() + " " + answer.body());
        return answer.statusCode() == 200 ? 0 : 1;
    }
}
