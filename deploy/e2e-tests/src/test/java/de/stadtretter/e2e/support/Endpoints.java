package de.stadtretter.e2e.support;

/** Addresses of the local platform (docs/conventions.md) and the clients for them. */
public final class Endpoints {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:8180";
    public static final String REALM = "stadtretter";
    public static final String ISSUER = KEYCLOAK + "/realms/" + REALM;
    public static final String KAFKA = "127.0.0.1:9092";
    public static final String MAIL_HTTP = "http://127.0.0.1:8025";
    public static final String IMAP_HOST = "127.0.0.1";
    public static final int IMAP_PORT = 3143;

    /** Demo users of the local realm (deploy/keycloak/stadtretter-realm.json), password {@link #DEMO_PASSWORD}. */
    public static final String DEMO_PASSWORD = "demo";
    public static final String KOMMUNE_AGS = "01001000";
    public static final String PARTNER_ID = "3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f";

    private Endpoints() {
    }

    public static KeycloakClient keycloak() {
        return new KeycloakClient(ISSUER, "stadtretter-cli");
    }

    public static GatewayClient gateway() {
        return new GatewayClient(GATEWAY);
    }

    public static MailClient mail() {
        return new MailClient(MAIL_HTTP, IMAP_HOST, IMAP_PORT);
    }

    public static KafkaClient kafka() {
        return new KafkaClient(KAFKA);
    }

    public static String serviceReadiness(int port) {
        return "http://127.0.0.1:" + port + "/actuator/health/readiness";
    }
}
