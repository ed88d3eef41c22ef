package de.stadtretter.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Tokens from the local Keycloak with the password grant on the public client {@code stadtretter-cli}. */
public final class KeycloakClient {

    private final String issuer;
    private final String clientId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakClient(String issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    /** The access token of a user, e.g. {@code token("kommune", "demo")}. */
    public String token(String username, String password) {
        return tokenResponse(username, password).get("access_token").toString();
    }

    /** The whole token response (access_token, refresh_token, expires_in, ...). */
    public Map<String, Object> tokenResponse(String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password",
                        password, "scope", "openid").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuer
                            + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": HTTP "
                        + r.statusCode() + " " + r.body());
            }
            return Json.object(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + issuer + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> claims(String username, String password) {
        return Json.jwtClaims(token(username, password));
    }
}
