package de.stadtretter.notification.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.stadtretter.notification.config.NotificationProperties;

/** The public URLs that mails link to; they all go through the gateway ({@code public-base-url}). */
@Component
public class Links {

    public static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";

    private final String base;

    public Links(NotificationProperties properties) {
        this.base = properties.publicBaseUrl();
    }

    public String confirm(String token) {
        return base + SUBSCRIPTIONS + "/confirm?token=" + encode(token);
    }

    public String unsubscribe(String token) {
        return base + SUBSCRIPTIONS + "/unsubscribe?token=" + encode(token);
    }

    public String caseDetails(UUID caseId) {
        return base + "/api/catalog/cases/" + caseId;
    }

    public String home() {
        return base + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
