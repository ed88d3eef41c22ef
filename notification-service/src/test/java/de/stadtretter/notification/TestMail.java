package de.stadtretter.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free port, started once per test JVM so that the one cached Spring context
 * can keep pointing at it. Tests tell their mails apart by unique recipient addresses.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            GreenMail started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return server;
    }

    /**
     * Servers stopped by {@link #stop()}, so that tests still see their mails (read when asked: a connection that
     * was being served when the server stopped may still deliver its mail afterwards).
     */
    private static final List<GreenMail> earlier = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static int port;

    /** Stops the SMTP server (an outage): connections are refused until {@link #restart()}. */
    public static synchronized void stop() {
        GreenMail stopped = server();
        port = stopped.getSmtp().getPort();
        // only its SMTP service: GreenMail.stop() would also drop the mails it received
        stopped.getSmtp().stopService();
        earlier.add(stopped);
        server = null;
    }

    /** Starts the SMTP server again on the same port. */
    public static synchronized void restart() {
        server = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1",
                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** The mails received so far for {@code recipient}. */
    public static List<MimeMessage> to(String recipient) {
        GreenMail current;
        synchronized (TestMail.class) {
            current = server;
        }
        java.util.stream.Stream<MimeMessage> now = current == null ? java.util.stream.Stream.empty()
                : Arrays.stream(current.getReceivedMessages());
        return java.util.stream.Stream.concat(earlier.stream().flatMap(g -> Arrays.stream(g.getReceivedMessages())),
                now).filter(m -> isTo(m, recipient)).toList();
    }

    /** The mails received so far for {@code recipient} with exactly this subject. */
    public static List<MimeMessage> to(String recipient, String subject) {
        return to(recipient).stream().filter(m -> subject.equals(subject(m))).toList();
    }

    /** Waits for the {@code count}-th mail to {@code recipient} with {@code subject} and returns the last one. */
    public static MimeMessage await(String recipient, String subject, int count) {
        Awaitility.await("mail '" + subject + "' to " + recipient).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> to(recipient, subject).size() >= count);
        List<MimeMessage> mails = to(recipient, subject);
        return mails.get(mails.size() - 1);
    }

    public static MimeMessage await(String recipient, String subject) {
        return await(recipient, subject, 1);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The first link in the plain-text part that starts with {@code prefix}. */
    public static String link(MimeMessage message, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_%=.-]+").matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("No link starting with " + prefix + " in:\n" + text(message));
        }
        return m.group();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a instanceof InternetAddress ia && recipient.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
