package de.stadtretter.notification.mail;

import java.util.Map;

/**
 * A mail to one subscriber: {@code template} names {@code mail/<template>.html} and {@code mail/<template>.txt},
 * rendered with {@code model}; {@code unsubscribeUrl} (the portal's page) goes into the body's model (as
 * {@code unsubscribeUrl}), {@code oneClickUnsubscribeUrl} into the {@code List-Unsubscribe} header (RFC 8058).
 */
public record OutgoingMail(String kind, String to, String replyTo, String subject, String template,
        Map<String, Object> model, String unsubscribeUrl, String oneClickUnsubscribeUrl) {
}
