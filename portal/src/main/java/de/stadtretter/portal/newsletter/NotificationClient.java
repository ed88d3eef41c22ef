package de.stadtretter.portal.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import de.stadtretter.portal.newsletter.NewsletterModels.Answer;
import de.stadtretter.portal.newsletter.NewsletterModels.Option;
import de.stadtretter.portal.newsletter.NewsletterModels.Options;
import de.stadtretter.portal.newsletter.NewsletterModels.Outcome;
import de.stadtretter.portal.newsletter.NewsletterModels.Preferences;
import de.stadtretter.portal.newsletter.NewsletterModels.Subscription;

/**
 * notification-service's subscriptions for the newsletter pages: ask for one (double opt-in), confirm it, end it,
 * manage it through the personal link of the mails, and the logged-in member's own subscription (with their token).
 * The browser's address goes along as {@code X-Forwarded-For}, for the service's limit per client and its proof
 * of consent.
 */
public class NotificationClient {

    private static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";
    private static final String PREFERENCES = SUBSCRIPTIONS + "/preferences";
    private static final String MINE = "/api/notifications/me/subscription";
    private static final String ADDRESS = "/api/notifications/me/address";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    /** What a link from a mail turned out to be. */
    public enum LinkResult { DONE, UNKNOWN, EXPIRED }

    /** The outcome of a confirmation: the German labels of the topics and the personal token when it is done. */
    public record Confirmation(LinkResult result, List<String> topics, String token) {}

    private final RestClient client;
    private final RestClient asMember;

    public NotificationClient(RestClient client, RestClient asMember) {
        this.client = client;
        this.asMember = asMember;
    }

    public Options options() {
        Map<String, Object> body = client.get().uri(SUBSCRIPTIONS + "/options").retrieve().body(MAP);
        @SuppressWarnings("unchecked")
        Map<String, Object> consent = (Map<String, Object>) body.get("consent");
        return new Options(options(body.get("topics"), "id", "label"), options(body.get("laender"), "code", "name"),
                options(body.get("townTypes"), "code", "label"), String.valueOf(consent.get("version")),
                String.valueOf(consent.get("text")));
    }

    /**
     * Asks for a subscription; the service answers the same for every valid request (it never tells whether the
     * address is known) and sends the confirmation mail.
     */
    public Answer subscribe(String email, Preferences preferences, String consentVersion, String clientAddress) {
        Map<String, Object> body = body(preferences);
        body.put("email", email);
        body.put("consentVersion", consentVersion);
        return answer(() -> client.post().uri(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientAddress).body(body).retrieve().toBodilessEntity());
    }

    public Confirmation confirm(String token) {
        try {
            Map<String, Object> body = client.post().uri(SUBSCRIPTIONS + "/confirmations")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("token", token)).retrieve().body(MAP);
            Object topics = body == null ? null : body.get("topics");
            return new Confirmation(LinkResult.DONE, topics instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of(),
                    body == null ? null : (String) body.get("token"));
        } catch (HttpClientErrorException e) {
            return new Confirmation(linkError(e), List.of(), null);
        }
    }

    public LinkResult unsubscribe(String token) {
        try {
            client.post().uri(SUBSCRIPTIONS + "/unsubscriptions")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("token", token)).retrieve()
                    .toBodilessEntity();
            return LinkResult.DONE;
        } catch (HttpClientErrorException e) {
            return linkError(e);
        }
    }

    /** The subscription behind a personal link; empty for an unknown link. */
    public Optional<Subscription> preferences(String token) {
        try {
            return Optional.ofNullable(client.get().uri(u -> u.path(PREFERENCES).queryParam("token", "{t}")
                    .build(token)).retrieve().body(Subscription.class));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest e) {
            return Optional.empty();
        }
    }

    public Answer updatePreferences(String token, Preferences preferences) {
        return answer(() -> client.put().uri(u -> u.path(PREFERENCES).queryParam("token", "{t}").build(token))
                .contentType(MediaType.APPLICATION_JSON).body(body(preferences)).retrieve().toBodilessEntity());
    }

    /** Pauses or resumes; false if the link is unknown or the subscription not active. */
    public boolean pause(String token, boolean paused) {
        try {
            client.post().uri(u -> u.path(PREFERENCES + (paused ? "/pause" : "/resume")).queryParam("token", "{t}")
                    .build(token)).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Conflict e) {
            return false;
        }
    }

    /** Erases everything; returns until when the proof of consent is kept (empty: nothing kept), or null if unknown. */
    public Optional<Instant> erase(String token) {
        try {
            Map<String, Object> body = client.delete().uri(u -> u.path(PREFERENCES).queryParam("token", "{t}")
                    .build(token)).retrieve().body(MAP);
            Object until = body == null ? null : body.get("consentProofKeptUntil");
            return Optional.of(until == null ? Instant.EPOCH : Instant.parse(until.toString()));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** The logged-in member's subscription, if they have one. */
    public Optional<Subscription> memberSubscription() {
        try {
            return Optional.ofNullable(asMember.get().uri(MINE).retrieve().body(Subscription.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    public Answer saveMemberSubscription(Preferences preferences, String consentVersion, String clientAddress) {
        Map<String, Object> body = body(preferences);
        body.put("consentVersion", consentVersion);
        return answer(() -> asMember.put().uri(MINE).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientAddress).body(body).retrieve().toBodilessEntity());
    }

    public void endMemberSubscription() {
        try {
            asMember.delete().uri(MINE).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound e) {
            // nothing to end
        }
    }

    /** The address the platform mails the member about their work; {@code workflowMails}: they want those mails. */
    public record MemberAddress(String email, boolean workflowMails, Instant updatedAt) {}

    /** Hands the member's verified address from their token to notification-service (at every sign-in). */
    public void registerMemberAddress() {
        asMember.put().uri(ADDRESS).retrieve().toBodilessEntity();
    }

    public Optional<MemberAddress> memberAddress() {
        try {
            return Optional.ofNullable(asMember.get().uri(ADDRESS).retrieve().body(MemberAddress.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Turns the mails about the member's work on or off (and renews the address from the token). */
    public void setWorkflowMails(boolean wanted) {
        asMember.put().uri(ADDRESS).contentType(MediaType.APPLICATION_JSON).body(Map.of("workflowMails", wanted))
                .retrieve().toBodilessEntity();
    }

    private static Map<String, Object> body(Preferences p) {
        Map<String, Object> body = new HashMap<>();
        body.put("topics", p.topics());
        body.put("laender", p.laender());
        body.put("townTypes", p.townTypes());
        body.put("kinds", p.kinds());
        body.put("frequency", p.frequency());
        return body;
    }

    private static Answer answer(Runnable call) {
        try {
            call.run();
            return Answer.done();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                String retry = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-After");
                return new Answer(Outcome.TOO_MANY, List.of(), retry == null ? 3600 : parse(retry));
            }
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                return new Answer(Outcome.CONSENT_CHANGED, List.of(), 0);
            }
            if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()) {
                return new Answer(Outcome.REJECTED, fields(e), 0);
            }
            throw e;
        }
    }

    private static long parse(String seconds) {
        try {
            return Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            return 3600;
        }
    }

    private static List<String> fields(HttpClientErrorException e) {
        List<String> fields = new ArrayList<>();
        try {
            Map<String, Object> problem = e.getResponseBodyAs(MAP);
            if (problem != null && problem.get("errors") instanceof List<?> errors) {
                for (Object error : errors) {
                    if (error instanceof Map<?, ?> m && m.get("field") != null) {
                        fields.add(m.get("field").toString().replaceAll("\\[.*", ""));
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // no readable body: no field names
        }
        return fields;
    }

    private static List<Option> options(Object list, String id, String label) {
        List<Option> options = new ArrayList<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m) {
                    options.add(new Option(String.valueOf(m.get(id)), String.valueOf(m.get(label))));
                }
            }
        }
        return options;
    }

    private static LinkResult linkError(HttpClientErrorException e) {
        return switch (e.getStatusCode().value()) {
            case 410 -> LinkResult.EXPIRED;
            case 400, 404 -> LinkResult.UNKNOWN;
            default -> throw e;
        };
    }
}
