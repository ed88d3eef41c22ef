package de.stadtretter.notification.digests.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.notification.digests.delivery.DigestMails.DueDigest;
import de.stadtretter.notification.digests.items.DigestItem;
import de.stadtretter.notification.digests.items.ItemKind;
import de.stadtretter.notification.mail.Links;
import de.stadtretter.notification.mail.Mailer;
import de.stadtretter.notification.mail.OutgoingMail;
import de.stadtretter.notification.subscriptions.domain.Preferences.Frequency;
import de.stadtretter.notification.subscriptions.domain.SubscriptionTokens;

/**
 * Writes a digest: its items grouped by kind (cases, partners, needs) and, within a kind, by the first of the
 * subscriber's topics the item has; newest first within a group. A mail with one item is named after it.
 */
@Component
public class DigestComposer {

    public static final String KIND = "digest";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMANY)
            .withZone(ZoneId.of("Europe/Berlin"));

    /** One heading of a digest with its items. */
    public record Group(String kind, String heading, String topic, List<Mailer.Part> items) {}

    /** Rendered items: the same item is in many digests of a run, and it is rendered once. */
    private static final int CACHED_ITEMS = 5_000;

    private final Links links;
    private final SubscriptionTokens tokens;
    private final ReferenceData referenceData;
    private final Mailer mailer;
    private final Map<DigestItem, Mailer.Part> rendered = new java.util.concurrent.ConcurrentHashMap<>();

    public DigestComposer(Links links, SubscriptionTokens tokens, ReferenceData referenceData, Mailer mailer) {
        this.links = links;
        this.tokens = tokens;
        this.referenceData = referenceData;
        this.mailer = mailer;
    }

    public OutgoingMail compose(DueDigest mail, List<DigestItem> items) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (ItemKind kind : ItemKind.values()) {
            for (DigestItem item : items) {
                if (item.kind() != kind) {
                    continue;
                }
                String topic = item.topics().stream().filter(mail.topics()::contains).findFirst()
                        .orElse(item.topics().isEmpty() ? "" : item.topics().getFirst());
                groups.computeIfAbsent(kind + "|" + topic, k -> new Group(kind.name(), heading(kind), label(topic),
                        new ArrayList<>())).items().add(entry(item));
            }
        }
        String token = tokens.unsubscribeToken(mail.subscriptionId());
        Map<String, Object> model = new HashMap<>();
        model.put("groups", List.copyOf(groups.values()));
        model.put("count", items.size());
        model.put("more", mail.more());
        model.put("moreUrl", links.newestCases(mail.topics(), List.of(), List.of()));
        model.put("frequencyText", switch (mail.frequency()) {
            case IMMEDIATE -> "sobald es Neues gibt";
            case DAILY -> "täglich";
            case WEEKLY -> "wöchentlich";
        });
        model.put("preferencesUrl", links.preferences(token));
        model.put("homeUrl", links.home());
        return new OutgoingMail(KIND, mail.recipient(), null, subject(mail.frequency(), items), "digest", model,
                links.unsubscribe(token), links.oneClickUnsubscribe(token));
    }

    static String subject(Frequency frequency, List<DigestItem> items) {
        if (items.size() == 1) {
            DigestItem item = items.getFirst();
            return switch (item.kind()) {
                case CASE -> "Neues Praxisbeispiel: ";
                case PARTNER -> "Neuer Partner bei Stadtretter: ";
                case NEED -> "Neuer Bedarf einer Kommune: ";
            } + item.title();
        }
        return switch (frequency) {
            case IMMEDIATE -> "Neu bei Stadtretter: " + items.size() + " Einträge";
            case DAILY -> "Ihr Stadtretter-Tagesüberblick: " + items.size() + " neue Einträge";
            case WEEKLY -> "Ihr Stadtretter-Wochenüberblick: " + items.size() + " neue Einträge";
        };
    }

    /** The item rendered (HTML and text), from the cache if it was rendered before in this form. */
    private Mailer.Part entry(DigestItem item) {
        Mailer.Part part = rendered.get(item);
        if (part == null) {
            if (rendered.size() >= CACHED_ITEMS) {
                rendered.clear();
            }
            part = mailer.renderPart("digest-item", Map.of("item", model(item)));
            rendered.put(item, part);
        }
        return part;
    }

    private Map<String, Object> model(DigestItem item) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("title", item.title());
        entry.put("teaser", item.teaser());
        entry.put("place", item.place());
        entry.put("date", DATE.format(item.availableAt()));
        entry.put("topicLabels", item.topics().stream().map(this::label).toList());
        entry.put("url", switch (item.kind()) {
            case CASE -> links.caseDetails(item.id());
            case PARTNER -> links.partner(item.id());
            case NEED -> links.need(item.id());
        });
        return entry;
    }

    private static String heading(ItemKind kind) {
        return switch (kind) {
            case CASE -> "Neue Praxisbeispiele";
            case PARTNER -> "Neu geprüfte Partner";
            case NEED -> "Bedarfe anderer Kommunen";
        };
    }

    private String label(String topic) {
        return referenceData.topic(topic).map(ReferenceData.Topic::labelDe).orElse(topic);
    }
}
