package de.stadtretter.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import de.stadtretter.notification.config.NotificationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Renders a mail from its Thymeleaf templates (HTML and plain text) and sends it over SMTP. Every mail to a
 * subscriber carries its unsubscribe link, also as {@code List-Unsubscribe} with one-click unsubscribe (RFC 8058).
 * Counts {@code stadtretter.mails.sent} per kind.
 */
@Component
public class Mailer {

    /**
     * Jakarta Mail looks up its StreamProvider for every encoded part, by default with a ServiceLoader that searches
     * the whole class path each time (most of the CPU time of a digest run); named by this system property, the
     * lookup is a plain class instantiation.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            try {
                Class.forName("org.eclipse.angus.mail.util.MailStreamProvider", false, Mailer.class.getClassLoader());
                System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
            } catch (ClassNotFoundException e) {
                // another implementation: its own lookup
            }
        }
    }

    public static final String SENT = "stadtretter.mails.sent";
    public static final String FAILED = "stadtretter.mails.failed";
    public static final String THROTTLED = "stadtretter.mails.throttled";

    public static final String QUEUED = "stadtretter.mails.queued";
    public static final String RETRIED = "stadtretter.mails.retried";

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String domain;
    private final NotificationProperties properties;
    private final MeterRegistry meters;
    // its own engine, not a bean, so that Spring Boot's engine for the web pages stays untouched
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    public Mailer(JavaMailSender sender, NotificationProperties properties, MeterRegistry meters) {
        this.sender = sender;
        this.meters = meters;
        this.properties = properties;
        try {
            this.from = new InternetAddress(properties.mailFrom(), true);
            this.domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("stadtretter.notification.mail-from is not an address: "
                    + properties.mailFrom(), e);
        }
        // compiled SpEL: the expressions of a template run thousands of times in a digest run
        templates.setEnableSpringELCompiler(true);
        templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * Renders a part of a mail on its own ({@code mail/<template>.html} and {@code .txt}), e.g. one item of a
     * digest that many mails show: rendered once, put into each mail as it is.
     */
    public Part renderPart(String template, Map<String, Object> model) {
        Context context = new Context(Locale.GERMANY, model);
        return new Part(templates.process(template + ".html", context), templates.process(template + ".txt",
                context));
    }

    /** A rendered part of a mail, as HTML and as plain text. */
    public record Part(String html, String text) {}

    /** Sends the mail now; a failure is thrown as {@link MailException}. */
    public void send(OutgoingMail mail) {
        sender.send(render(mail));
        meters.counter(SENT, "kind", mail.kind()).increment();
    }

    /**
     * Sends several mails over one SMTP connection; returns those that failed with their exception (all of them
     * if the server could not be reached). Those not returned were accepted by the server.
     */
    public Map<OutgoingMail, Exception> sendAll(List<OutgoingMail> mails) {
        Map<OutgoingMail, Exception> failed = new java.util.LinkedHashMap<>();
        Map<MimeMessage, OutgoingMail> messages = new java.util.LinkedHashMap<>();
        for (OutgoingMail mail : mails) {
            try {
                messages.put(render(mail), mail);
            } catch (RuntimeException e) {
                failed.put(mail, e);
            }
        }
        if (!messages.isEmpty()) {
            try {
                sender.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (org.springframework.mail.MailSendException e) {
                e.getFailedMessages().forEach((message, error) -> {
                    OutgoingMail mail = message instanceof MimeMessage m ? messages.get(m) : null;
                    if (mail != null) {
                        failed.put(mail, new org.springframework.mail.MailSendException(
                                "Mail could not be sent: " + error.getMessage(), error));
                    }
                });
                if (e.getFailedMessages().isEmpty()) {
                    messages.values().forEach(mail -> failed.put(mail, e));
                }
            } catch (MailException e) {
                messages.values().forEach(mail -> failed.put(mail, e));
            }
        }
        for (OutgoingMail mail : mails) {
            if (!failed.containsKey(mail)) {
                meters.counter(SENT, "kind", mail.kind()).increment();
            }
        }
        return failed;
    }

    /** The mail as a MIME message: text and HTML from the templates, the headers of every mail. */
    MimeMessage render(OutgoingMail mail) {
        Map<String, Object> model = new HashMap<>(mail.model());
        model.put("unsubscribeUrl", mail.unsubscribeUrl());
        model.put("impressum", properties.impressum());
        Context context = new Context(Locale.GERMANY, model);
        String html = templates.process(mail.template() + ".html", context);
        String text = templates.process(mail.template() + ".txt", context);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            if (mail.replyTo() != null) {
                helper.setReplyTo(mail.replyTo());
            }
            helper.setSubject(mail.subject());
            helper.setText(text, html);
            if (mail.oneClickUnsubscribeUrl() != null) {
                String token = mail.oneClickUnsubscribeUrl().substring(mail.oneClickUnsubscribeUrl().indexOf("token=")
                        + "token=".length());
                message.setHeader("List-Unsubscribe", "<" + mail.oneClickUnsubscribeUrl() + ">, <mailto:"
                        + properties.unsubscribeMailbox() + "?subject=unsubscribe%20" + token + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            if (mail.messageId() != null) {
                // JavaMailSenderImpl keeps an explicit Message-ID
                message.setHeader("Message-ID", "<" + mail.messageId() + "@" + domain + ">");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException e) {
            throw new MailPreparationException("Mail of kind " + mail.kind() + " could not be prepared", e);
        }
        return message;
    }

    /** A mail not sent on purpose (a limit was reached). */
    public void countThrottled(String kind) {
        meters.counter(THROTTLED, "kind", kind).increment();
    }

    public void countQueued(String kind, int count) {
        meters.counter(QUEUED, "kind", kind).increment(count);
    }

    public void countRetry(String kind) {
        meters.counter(RETRIED, "kind", kind).increment();
    }

    public void countFailure(String kind) {
        meters.counter(FAILED, "kind", kind).increment();
    }
}
