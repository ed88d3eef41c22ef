package de.stadtretter.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An issuer for service tests: an RSA key whose public half is served as a real JWKS endpoint on 127.0.0.1,
 * and access tokens shaped like the Keycloak realm's (realm roles in {@code roles}, the organisation claim, the
 * API audience). The service validates them with its production configuration; only the URLs differ.
 * End-to-end tests use the real Keycloak instead.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1/realms/stadtretter-test";
    public static final String AUDIENCE = "stadtretter-api";

    private static TestTokens instance;

    private final RSAKey key;
    private final HttpServer jwks;

    private TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwks.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            jwks.start();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
    }

    /** Configures Spring Boot's resource server exactly as in production, but trusting this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        TestTokens tokens = get();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    /** A valid token for a user with {@code role} who belongs to {@code organisation}. */
    public String token(String username, String role, String organisation) {
        return token(username, List.of(role), organisation, ISSUER, AUDIENCE, Duration.ofMinutes(5));
    }

    public String token(String username, List<String> roles, String organisation, String issuer, String audience,
            Duration validFor) {
        return token(username, roles, organisation, issuer, audience, validFor, Map.of());
    }

    /** A token whose {@code claims} replace the usual ones ({@code null}: the claim is left out). */
    public String tokenWith(String username, String role, String organisation, Map<String, Object> claims) {
        return token(username, List.of(role), organisation, ISSUER, AUDIENCE, Duration.ofMinutes(5), claims);
    }

    private String token(String username, List<String> roles, String organisation, String issuer, String audience,
            Duration validFor, Map<String, Object> replaced) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("preferred_username", username)
                // as Keycloak's scopes "profile" and "email" put them into the access token
                .claim("name", username)
                .claim("email", username + "@test.stadtretter.example")
                .claim("email_verified", true)
                .claim("roles", roles)
                .claim("realm_access", Map.of("roles", roles));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        replaced.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token signed by a key the service does not trust. */
    public static String foreignToken(String username, String role) {
        return new TestTokens().token(username, role, null);
    }
}
