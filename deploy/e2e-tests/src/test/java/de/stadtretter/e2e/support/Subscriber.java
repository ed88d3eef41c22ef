package de.stadtretter.e2e.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who subscribes to case mails through the gateway (double opt-in, as in notification-service) with an
 * address of its own. {@link #close()} unsubscribes again through the link in the mail, so that subscribers of
 * earlier tests (and runs: the state folder survives) do not pile up and receive every later case.
 */
public final class Subscriber implements AutoCloseable {

    /** notification-service {@code SubscriptionService.CONFIRMATION_SUBJECT}. */
    public static final String CONFIRMATION_SUBJECT = "Bitte bestätigen Sie Ihr Abonnement bei Stadtretter";
    public static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";
    public static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    /** The portal's pages behind the links of the mails. */
    public static final String CONFIRM_PAGE = "/newsletter/bestaetigen";
    public static final String UNSUBSCRIBE_PAGE = "/newsletter/abbestellen";
    private static final Pattern CONFIRM_LINK = Pattern.compile(Pattern.quote(Endpoints.GATEWAY + CONFIRM_PAGE
            + "?token=") + "[A-Za-z0-9_%.~-]+");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile(Pattern.quote(Endpoints.GATEWAY
            + UNSUBSCRIBE_PAGE + "?token=") + "[A-Za-z0-9_%.~-]+");
    /** Like a browser, it keeps the portal's session cookie between a page and its form (the CSRF token). */
    private static final java.net.http.HttpClient BROWSER = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    private final String address;
    private final URI unsubscribeLink;

    private Subscriber(String address, URI unsubscribeLink) {
        this.address = address;
        this.unsubscribeLink = unsubscribeLink;
    }

    /** notification-service {@code CasePublishedHandler}: the subject of the mail announcing a case. */
    public static String announcementSubject(String title) {
        return "Neues Praxisbeispiel: " + title;
    }

    /** A fresh address nobody used before (GreenMail accepts every recipient). */
    public static String newAddress(String purpose) {
        return ("e2e-" + purpose + "-" + UUID.randomUUID() + "@example.org").toLowerCase(Locale.ROOT);
    }

    /** Subscribes {@code address}, follows the link in the confirmation mail and confirms; asserts every step. */
    public static Subscriber confirmed(String address, List<String> topics) {
        HttpResponse<String> requested = request(address, topics);
        assertThat(requested.statusCode()).as("subscribe: %s", requested.body()).isEqualTo(202);
        MailClient.Mail confirmation = Endpoints.mail().await(address,
                m -> CONFIRMATION_SUBJECT.equals(m.subject()), MAIL_TIMEOUT);
        URI link = link(confirmation, CONFIRM_LINK);

        HttpResponse<String> page = browse(link);
        assertThat(page.statusCode()).as("confirmation page: %s", page.body()).isEqualTo(200);
        HtmlForm form = HtmlForm.first(page.body(), link);
        assertThat(form.button()).isEqualTo("Abonnement bestätigen");
        HttpResponse<String> confirmed = submit(form);
        assertThat(confirmed.statusCode()).as("confirming: %s", confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Ihr Abonnement ist bestätigt");
        return new Subscriber(address, link(confirmation, UNSUBSCRIBE_LINK));
    }

    /** The subscriber whose confirmation mail this is (for {@link #close()}: its unsubscribe link). */
    public static Subscriber fromConfirmationMail(String address, MailClient.Mail confirmation) {
        return new Subscriber(address, link(confirmation, UNSUBSCRIBE_LINK));
    }

    /** {@code POST /api/notifications/subscriptions}, anonymous: new cases on {@code topics}, immediately. */
    public static HttpResponse<String> request(String address, List<String> topics) {
        return Endpoints.gateway().post(SUBSCRIPTIONS, null, Json.write(Map.of("email", address, "topics", topics,
                "frequency", "IMMEDIATE")));
    }

    /** The first link in the mail's text that matches. */
    public static URI link(MailClient.Mail mail, Pattern pattern) {
        Matcher m = pattern.matcher(mail.body());
        assertThat(m.find()).as("a link %s in the mail '%s': %s", pattern, mail.subject(), mail.body()).isTrue();
        return URI.create(m.group());
    }

    public static URI confirmLink(MailClient.Mail mail) {
        return link(mail, CONFIRM_LINK);
    }

    public static URI unsubscribeLink(MailClient.Mail mail) {
        return link(mail, UNSUBSCRIBE_LINK);
    }

    /** GET as a browser does (asking for HTML, no token, with the cookies it has). */
    public static HttpResponse<String> browse(URI url) {
        return send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").GET());
    }

    /** Submits a form as a browser does. */
    public static HttpResponse<String> submit(HtmlForm form) {
        assertThat(form.method()).isEqualTo("POST");
        return send(HttpRequest.newBuilder(form.action()).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.urlEncoded())));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Gateway not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return address;
    }

    /** Every mail in the INBOX with exactly this subject (IMAP). */
    public long count(String subject) {
        return Endpoints.mail().inbox(address).stream().filter(m -> subject.equals(m.subject())).count();
    }

    /** Waits for the mail announcing the case with this title. */
    public MailClient.Mail awaitAnnouncement(String title) {
        String subject = announcementSubject(title);
        return Endpoints.mail().await(address, m -> subject.equals(m.subject()), MAIL_TIMEOUT);
    }

    /** Unsubscribes through the link of the confirmation mail (GET the page, POST its form). */
    @Override
    public void close() {
        HttpResponse<String> page = browse(unsubscribeLink);
        assertThat(page.statusCode()).as("unsubscribe page for %s: %s", address, page.body()).isEqualTo(200);
        HttpResponse<String> done = submit(HtmlForm.first(page.body(), unsubscribeLink));
        assertThat(done.statusCode()).as("unsubscribing %s: %s", address, done.body()).isEqualTo(200);
    }
}
