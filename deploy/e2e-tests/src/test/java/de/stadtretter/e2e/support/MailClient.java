package de.stadtretter.e2e.support;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMultipart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Mail kept by the platform's GreenMail: over IMAP (login = recipient address, any password) or the launcher's JSON
 * API ({@code GET /api/messages}, {@code DELETE /api/messages}).
 */
public final class MailClient {

    /** One received mail, simplified; {@code listUnsubscribe} is its {@code List-Unsubscribe} header (or null). */
    public record Mail(String from, List<String> to, String subject, String body, List<String> replyTo,
            String listUnsubscribe) {

        /** The https/http URL of the List-Unsubscribe header: the target of the one-click POST (RFC 8058). */
        public java.net.URI oneClickUnsubscribe() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(https?://[^>]+)>").matcher(
                    listUnsubscribe == null ? "" : listUnsubscribe);
            if (!m.find()) {
                throw new AssertionError("no one-click URL in List-Unsubscribe: " + listUnsubscribe);
            }
            return java.net.URI.create(m.group(1));
        }
    }

    private final String httpBase;
    private final String imapHost;
    private final int imapPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MailClient(String httpBase, String imapHost, int imapPort) {
        this.httpBase = httpBase;
        this.imapHost = imapHost;
        this.imapPort = imapPort;
    }

    /** All mails in the INBOX of {@code address}, read over IMAP. */
    public List<Mail> inbox(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", imapHost);
        props.put("mail.imap.port", Integer.toString(imapPort));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(imapHost, imapPort, address, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    List<String> to = new ArrayList<>();
                    if (m.getRecipients(Message.RecipientType.TO) != null) {
                        for (var a : m.getRecipients(Message.RecipientType.TO)) {
                            to.add(a.toString());
                        }
                    }
                    List<String> replyTo = new ArrayList<>();
                    if (m.getReplyTo() != null) {
                        for (var a : m.getReplyTo()) {
                            replyTo.add(a.toString());
                        }
                    }
                    mails.add(new Mail(m.getFrom() == null ? null : m.getFrom()[0].toString(), to, m.getSubject(),
                            text(m.getContent()), replyTo, m.getHeader("List-Unsubscribe") == null ? null
                                    : m.getHeader("List-Unsubscribe")[0]));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("IMAP " + imapHost + ":" + imapPort + " for " + address + ": " + e, e);
        }
    }

    /** Waits until a mail for {@code address} matches, e.g. {@code m -> m.subject().contains("Bestätigen")}. */
    public Mail await(String address, Predicate<Mail> match, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Mail m : inbox(address)) {
                if (match.test(m)) {
                    return m;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No matching mail for " + address + " within " + timeout + "; inbox: "
                        + inbox(address));
            }
            sleep(500);
        }
    }

    /**
     * One IMAP connection to the INBOX of {@code address}, kept open for fast polling (e.g. every 20 ms): each
     * {@link Mailbox#subjects()} is one SELECT plus the envelopes of mails not seen before. Close it.
     */
    public Mailbox mailbox(String address) {
        return new Mailbox(address);
    }

    /** See {@link #mailbox(String)}. */
    public final class Mailbox implements AutoCloseable {
        private final String address;
        private final Store store;
        private final List<String> subjects = new ArrayList<>();

        private Mailbox(String address) {
            this.address = address;
            Properties props = new Properties();
            props.put("mail.imap.connectiontimeout", "5000");
            props.put("mail.imap.timeout", "10000");
            try {
                store = Session.getInstance(props).getStore("imap");
                store.connect(imapHost, imapPort, address, "any");
            } catch (MessagingException e) {
                throw new IllegalStateException("IMAP " + imapHost + ":" + imapPort + " for " + address + ": " + e, e);
            }
        }

        /** The subjects of all mails in the INBOX now, oldest first. */
        public List<String> subjects() {
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    int count = inbox.getMessageCount();
                    if (count > subjects.size()) {
                        Message[] fresh = inbox.getMessages(subjects.size() + 1, count);
                        FetchProfile envelope = new FetchProfile();
                        envelope.add(FetchProfile.Item.ENVELOPE);
                        inbox.fetch(fresh, envelope);
                        for (Message m : fresh) {
                            subjects.add(m.getSubject());
                        }
                    }
                } finally {
                    inbox.close(false);
                }
                return List.copyOf(subjects);
            } catch (MessagingException e) {
                throw new IllegalStateException("IMAP INBOX of " + address + ": " + e, e);
            }
        }

        /** Polls every {@code every} until a mail with exactly this subject is there. */
        public void awaitSubject(String subject, Duration timeout, Duration every) {
            long end = System.nanoTime() + timeout.toNanos();
            while (!subjects().contains(subject)) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("No mail '" + subject + "' for " + address + " within " + timeout
                            + "; subjects: " + subjects);
                }
                sleep(every.toMillis());
            }
        }

        @Override
        public void close() {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // nothing left to do
            }
        }
    }

    /** All mails over the HTTP API: index, messageId, from, to, subject, receivedAt, body. */
    public List<Map<String, Object>> all() {
        return Json.array(send(HttpRequest.newBuilder(URI.create(httpBase + "/api/messages")).GET()).body());
    }

    /** Deletes every mail (all mailboxes). */
    public void deleteAll() {
        send(HttpRequest.newBuilder(URI.create(httpBase + "/api/messages")).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Mail API not reachable at " + httpBase + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof MimeMultipart mp) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                b.append(text(mp.getBodyPart(i).getContent()));
            }
            return b.toString();
        }
        return String.valueOf(content);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
