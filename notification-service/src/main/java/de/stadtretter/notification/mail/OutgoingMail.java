package de.stadtretter.notification.mail;

import java.util.Map;

/**
 * A mail to one recipient: {@code template} names {@code mail/<template>.html} and {@code mail/<template>.txt},
 * rendered with {@code model}; {@code unsubscribeUrl} (the portal's page) goes into the body's model (as
 * {@code unsubscribeUrl}), {@code oneClickUnsubscribeUrl} into the {@code List-Unsubscribe} header (RFC 8058).
 * {@code messageId} is the local part of the Message-ID, derived from the mail's row so that a mail sent again after a
 * crash carries the same id (null: a fresh one).
 */
public record OutgoingMail(String kind, String to, String replyTo, String subject, String template,
        Map<String, Object> model, String unsubscribeUrl, String oneClickUnsubscribeUrl, String messageId) {

    public OutgoingMail(String kind, String to, String replyTo, String subject, String template,
            Map<String, Object> model, String unsubscribeUrl, String oneClickUnsubscribeUrl) {
        this(kind, to, replyTo, subject, template, model, unsubscribeUrl, oneClickUnsubscribeUrl, null);
    }

    /** The same mail with a Message-ID derived from its row ({@code kind.id}). */
    public OutgoingMail withMessageId(Object rowId) {
        return new OutgoingMail(kind, to, replyTo, subject, template, model, unsubscribeUrl, oneClickUnsubscribeUrl,
                kind + "." + rowId);
    }
}
