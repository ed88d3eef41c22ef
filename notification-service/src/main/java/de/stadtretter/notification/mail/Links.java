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

    /** The portal's confirmation page (the link in the confirmation mail). */
    public String confirm(String token) {
        return base + "/newsletter/bestaetigen?token=" + encode(token);
    }

    /** The portal's unsubscribe page (the link at the end of every mail). */
    public String unsubscribe(String token) {
        return base + "/newsletter/abbestellen?token=" + encode(token);
    }

    /**
     * The one-click unsubscribe of mail programs (RFC 8058, {@code List-Unsubscribe-Post}): a POST without a form
     * token, so it goes to this service's own page, not to the portal.
     */
    public String oneClickUnsubscribe(String token) {
        return base + SUBSCRIPTIONS + "/unsubscribe?token=" + encode(token);
    }

    /** The portal's page of a subscriber's settings (the personal link at the foot of every mail). */
    public String preferences(String token) {
        return base + "/newsletter/einstellungen?token=" + encode(token);
    }

    /** The portal's search for the newest cases on these topics, Länder and town types. */
    public String newestCases(java.util.List<String> topics, java.util.List<String> laender,
            java.util.List<String> townTypes) {
        StringBuilder url = new StringBuilder(base).append("/suche?sort=newest");
        topics.forEach(t -> url.append("&topic=").append(encode(t)));
        laender.forEach(l -> url.append("&land=").append(encode(l)));
        townTypes.forEach(t -> url.append("&townType=").append(encode(t)));
        return url.toString();
    }

    public String caseDetails(UUID caseId) {
        return base + "/praxisbeispiele/" + caseId;
    }

    /** The portal's page of a partner. */
    public String partner(UUID partnerId) {
        return base + "/partner/" + partnerId;
    }

    /** The portal's page of a need (with its recommendations). */
    public String need(UUID needId) {
        return base + "/bedarfe/" + needId;
    }

    /** The portal's list of a member's own cases (with the Redaktion's comments). */
    public String myCases() {
        return base + "/meine-praxisbeispiele";
    }

    /** The portal's page where a partner's members keep their profile (with the Redaktion's comment). */
    public String myPartnerProfile() {
        return base + "/mein-partnerprofil";
    }

    /** The portal's inbox of the claims a town decides on. */
    public String referenceInbox() {
        return base + "/referenzen";
    }

    public String home() {
        return base + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
