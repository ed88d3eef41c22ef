package de.stadtretter.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * GreenMail in the launcher's JVM (SMTP 3025, IMAP 3143, authentication off: log in with the recipient address and
 * any password) plus a small mail viewer and JSON API on 8025. Mail lives in memory: it is kept for the whole run and
 * gone after a restart.
 *
 * <pre>
 * GET    /                       HTML list of all mails (newest first)
 * GET    /mail/{i}               one mail: headers and text
 * GET    /api/messages           JSON array: index, messageId, from, to, subject, receivedAt, body
 * GET    /api/messages/{i}/raw   the RFC 822 source
 * DELETE /api/messages           delete all mails
 * GET    /api/health             {"status":"UP"}
 * </pre>
 */
final class MailServer {

    private final GreenMail greenMail;
    private HttpServer http;

    MailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(Components.SMTP_PORT, Components.HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Components.IMAP_PORT, Components.HOST, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    void start() throws IOException {
        greenMail.start();
        http = HttpServer.create(new InetSocketAddress(Components.HOST, Components.MAIL_HTTP_PORT), 16);
        http.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mail-http");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
        http.start();
    }

    void stop() {
        if (http != null) {
            http.stop(0);
        }
        greenMail.stop();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            MimeMessage[] mails = greenMail.getReceivedMessages();
            if (path.equals("/api/health")) {
                send(ex, 200, "application/json", "{\"status\":\"UP\"}");
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                greenMail.purgeEmailFromAllMailboxes();
                send(ex, 204, "text/plain", "");
            } else if (path.equals("/api/messages")) {
                StringBuilder json = new StringBuilder("[");
                for (int i = 0; i < mails.length; i++) {
                    json.append(i == 0 ? "" : ",").append(toJson(i, mails[i]));
                }
                send(ex, 200, "application/json", json.append(']').toString());
            } else if (path.matches("/api/messages/\\d+/raw")) {
                int i = Integer.parseInt(path.split("/")[3]);
                if (i >= mails.length) {
                    send(ex, 404, "text/plain", "no such mail");
                } else {
                    send(ex, 200, "message/rfc822", GreenMailUtil.getWholeMessage(mails[i]));
                }
            } else if (path.matches("/mail/\\d+")) {
                int i = Integer.parseInt(path.substring(6));
                if (i >= mails.length) {
                    send(ex, 404, "text/plain", "no such mail");
                } else {
                    send(ex, 200, "text/html", page("Mail " + i, "<p><a href=\"/\">&larr; alle Mails</a> | <a href=\"/api/messages/"
                            + i + "/raw\">Quelltext</a></p><pre>" + html(GreenMailUtil.getWholeMessage(mails[i])) + "</pre>"));
                }
            } else if (path.equals("/")) {
                StringBuilder rows = new StringBuilder();
                for (int i = mails.length - 1; i >= 0; i--) {
                    MimeMessage m = mails[i];
                    rows.append("<tr><td>").append(html(time(m))).append("</td><td>").append(html(addresses(m.getFrom())))
                            .append("</td><td>").append(html(addresses(m.getRecipients(Message.RecipientType.TO))))
                            .append("</td><td><a href=\"/mail/").append(i).append("\">")
                            .append(html(String.valueOf(m.getSubject()))).append("</a></td></tr>");
                }
                send(ex, 200, "text/html", page("Stadtretter – lokale Mails (" + mails.length + ")",
                        "<p>SMTP " + Components.HOST + ":" + Components.SMTP_PORT + ", IMAP " + Components.HOST + ":"
                                + Components.IMAP_PORT + " (Login: Empfängeradresse, beliebiges Passwort). "
                                + "JSON: <a href=\"/api/messages\">/api/messages</a></p>"
                                + "<table border=\"1\" cellpadding=\"4\"><tr><th>Empfangen</th><th>Von</th><th>An</th><th>Betreff</th></tr>"
                                + rows + "</table>"));
            } else {
                send(ex, 404, "text/plain", "not found");
            }
        } catch (Exception e) {
            send(ex, 500, "text/plain", e.toString());
        }
    }

    private static String toJson(int index, MimeMessage m) throws Exception {
        return "{\"index\":" + index + ",\"messageId\":" + str(m.getMessageID()) + ",\"from\":" + str(addresses(m.getFrom()))
                + ",\"to\":[" + Arrays.stream(orEmpty(m.getRecipients(Message.RecipientType.TO))).map(a -> str(a.toString()))
                .collect(Collectors.joining(",")) + "],\"subject\":" + str(m.getSubject()) + ",\"receivedAt\":"
                + str(m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant().toString()) + ",\"body\":"
                + str(GreenMailUtil.getBody(m)) + "}";
    }

    private static Address[] orEmpty(Address[] a) {
        return a == null ? new Address[0] : a;
    }

    private static String addresses(Address[] a) {
        return Arrays.stream(orEmpty(a)).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String time(MimeMessage m) throws Exception {
        Date d = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
        return d == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(d.toInstant());
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title></head><body style=\"font-family:sans-serif\"><h1>" + html(title) + "</h1>" + body
                + "</body></html>";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static List<String> ports() {
        return List.of("SMTP " + Components.SMTP_PORT, "IMAP " + Components.IMAP_PORT, "HTTP " + Components.MAIL_HTTP_PORT);
    }
}
