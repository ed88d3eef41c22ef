package de.stadtretter.notification.subscriptions.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.stadtretter.notification.config.NotificationProperties;

/**
 * The secrets in subscription links. Only their SHA-256 hashes are stored.
 * <ul>
 * <li>Confirmation token: 32 random bytes, URL-safe Base64, valid for a limited time, used once.</li>
 * <li>Unsubscribe token: an HMAC of the subscription id under a configured key, so that the mail dispatcher can
 * put it into every mail without the clear token ever being stored.</li>
 * </ul>
 */
@Component
public class SubscriptionTokens {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public SubscriptionTokens(NotificationProperties properties) {
        if (NotificationProperties.DEV_TOKEN_SECRET.equals(properties.tokenSecret())) {
            log.warn("stadtretter.notification.token-secret is not set: unsubscribe links use the development key");
        }
        key = new SecretKeySpec(properties.tokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static String newConfirmationToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    public String unsubscribeToken(UUID subscriptionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return URL_SAFE.encodeToString(
                    mac.doFinal(("unsubscribe:" + subscriptionId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What is stored and looked up instead of a token: its SHA-256, hex-encoded. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
