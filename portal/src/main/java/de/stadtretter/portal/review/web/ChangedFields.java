package de.stadtretter.portal.review.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.web.Labels;

/**
 * What a revision changes, field by field, as the Redaktion reads it: the German name of the field, the published
 * text and the revised one. The field names are those catalog-service reports in {@code changedFields}.
 */
final class ChangedFields {

    /** One changed field: its German name, the published and the revised text. */
    record Change(String label, String before, String after) {}

    private ChangedFields() {
    }

    static List<Change> of(List<String> fields, CaseDetail published, CaseDetail revised, Labels labels,
            Map<String, String> topicLabels) {
        return fields.stream().map(f -> new Change(labels.field(f), text(f, published, labels, topicLabels),
                text(f, revised, labels, topicLabels))).toList();
    }

    static String text(String field, CaseDetail c, Labels labels, Map<String, String> topicLabels) {
        String text = switch (field) {
            case "title" -> c.title();
            case "teaser" -> c.teaser();
            case "topics" -> c.topics().stream().map(t -> topicLabels.getOrDefault(t, t))
                    .collect(Collectors.joining(", "));
            case "tags" -> String.join(", ", c.tags());
            case "projectStatus" -> labels.status(c.projectStatus());
            case "startDate" -> labels.date(c.startDate());
            case "endDate" -> labels.date(c.endDate());
            case "problem" -> c.problem();
            case "objectives" -> c.objectives();
            case "approach" -> c.approach();
            case "implementation" -> c.implementation();
            case "resources" -> c.resources();
            case "results" -> c.results();
            case "lessons" -> c.lessons();
            case "transferability" -> c.transferability();
            case "budget" -> labels.budget(c.budget());
            case "fundingProgrammes" -> String.join("\n", c.fundingProgrammes());
            case "durationMonths" -> c.durationMonths() == null ? "" : c.durationMonths().toString();
            case "indicators" -> c.indicators().stream().map(i -> i.name() + ": " + labels.number(i.before())
                    + " → " + labels.number(i.after()) + (i.unit() == null ? "" : " " + i.unit()))
                    .collect(Collectors.joining("\n"));
            case "actors" -> c.actors() == null ? "" : String.join("\n", java.util.stream.Stream.concat(
                    java.util.stream.Stream.ofNullable(c.actors().lead()), c.actors().stakeholders().stream())
                    .toList());
            case "contact" -> c.contact() == null ? "" : java.util.stream.Stream.of(c.contact().name(),
                    c.contact().role(), c.contact().email(), c.contact().phone()).filter(v -> v != null)
                    .collect(Collectors.joining(", "));
            case "links" -> c.links().stream().map(l -> l.title() + " (" + l.url() + ")")
                    .collect(Collectors.joining("\n"));
            default -> "";
        };
        return text == null || text.isBlank() ? "(leer)" : text;
    }
}
