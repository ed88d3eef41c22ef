package de.stadtretter.portal.newsletter;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * notification-service's subscriptions (double opt-in) for the newsletter pages: ask for a subscription, confirm it
 * and end it with the token of the link in the mail.
 */
public class NotificationClient {

    /** What a link from a mail turned out to be. */
    public enum LinkResult { DONE, UNKNOWN, EXPIRED }

    /** The outcome of a confirmation: the German labels of the subscribed topics when it is done. */
    public record Confirmation(LinkResult result, List<String> topics) {}

    private final RestClient client;

    public NotificationClient(RestClient client) {
        this.client = client;
    }

    /**
     * Asks for a subscription; the service answers the same for every valid request (it never tells whether the
     * address is known) and sends the confirmation mail.
     *
     * @return false if the service rejected the address or topics
     */
    public boolean subscribe(String email, List<String> topics) {
        try {
            client.post().uri("/api/notifications/subscriptions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", email, "topics", topics)).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException.BadRequest e) {
            return false;
        }
    }

    public Confirmation confirm(String token) {
        try {
            Map<String, Object> body = client.post().uri("/api/notifications/subscriptions/confirmations")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("token", token)).retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() {});
            Object topics = body == null ? null : body.get("topics");
            return new Confirmation(LinkResult.DONE, topics instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of());
        } catch (HttpClientErrorException e) {
            return new Confirmation(linkError(e), List.of());
        }
    }

    public LinkResult unsubscribe(String token) {
        try {
            client.post().uri("/api/notifications/subscriptions/unsubscriptions")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("token", token)).retrieve()
                    .toBodilessEntity();
            return LinkResult.DONE;
        } catch (HttpClientErrorException e) {
            return linkError(e);
        }
    }

    private static LinkResult linkError(HttpClientErrorException e) {
        return switch (e.getStatusCode().value()) {
            case 410 -> LinkResult.EXPIRED;
            case 400, 404 -> LinkResult.UNKNOWN;
            default -> throw e;
        };
    }
}
