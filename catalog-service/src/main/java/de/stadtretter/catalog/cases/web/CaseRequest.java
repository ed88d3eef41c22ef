package de.stadtretter.catalog.cases.web;

import java.time.LocalDate;
import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.ProjectStatus;
import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.kit.web.validation.TopicIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/catalog/cases} (needs {@code ags}) and {@code PUT /api/catalog/cases/{id}} (needs the
 * {@code version} it was based on; the AGS of a case does not change). Everything but title, teaser, topics and
 * those two is optional. Text is plain text: nothing is ever interpreted as HTML.
 */
@ConsistentCase
public record CaseRequest(
        @Schema(description = "Titel des Praxisbeispiels, höchstens 120 Zeichen.")
        @NotBlank @Size(max = 120) String title,
        @Schema(description = "Kurzbeschreibung (Anrisstext), höchstens 300 Zeichen.")
        @NotBlank @Size(max = 300) String teaser,
        @Schema(description = "Amtlicher Gemeindeschlüssel (8 Ziffern) der Kommune, zu der das Praxisbeispiel gehört; muss eine Gemeinde des Destatis-Verzeichnisses sein. Nur beim Anlegen.")
        @NotNull(groups = OnCreate.class) @MunicipalityKey String ags,
        @Schema(description = "1 bis 4 Themen (ids aus GET /api/catalog/topics).")
        @NotEmpty @Size(max = 4) @UniqueElements @TopicIds List<String> topics,
        @Schema(description = "Bis zu 10 freie Schlagwörter, je höchstens 40 Zeichen.")
        @Size(max = 10) @UniqueElements List<@NotBlank @Size(max = 40) String> tags,
        @Schema(description = "Projektstand: PLANNED (geplant), RUNNING (laufend), COMPLETED (abgeschlossen).")
        ProjectStatus projectStatus,
        @Schema(description = "Projektbeginn (ISO-Datum).")
        LocalDate startDate,
        @Schema(description = "Projektende (ISO-Datum), nicht vor dem Beginn.")
        LocalDate endDate,
        @Schema(description = "Ausgangslage und Anforderungen. Klartext mit Absätzen, höchstens 20.000 Zeichen; HTML wird nie interpretiert.")
        @MultilineText @Size(max = 20_000) String problem,
        @Schema(description = "Ziele. Klartext mit Absätzen, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String objectives,
        @Schema(description = "Herangehensweise. Klartext mit Absätzen, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String approach,
        @Schema(description = "Umsetzung. Klartext mit Absätzen, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String implementation,
        @Schema(description = "Ressourcen: Kosten, Förderung, Personal. Klartext mit Absätzen, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String resources,
        @Schema(description = "Ergebnisse und Wirkung. Klartext mit Absätzen, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String results,
        @Schema(description = "Lernerfahrungen und Stolpersteine: was nicht funktioniert hat und was man heute anders machen würde. Klartext, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String lessons,
        @Schema(description = "Übertragbarkeit: Voraussetzungen und was anderswo angepasst werden muss. Klartext, höchstens 20.000 Zeichen.")
        @MultilineText @Size(max = 20_000) String transferability,
        @Schema(description = "Budget in ganzen Euro: minEur und maxEur (≥ 0, min ≤ max).")
        @Valid CaseContent.Budget budget,
        @Schema(description = "Genutzte Förderprogramme, bis zu 10.")
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> fundingProgrammes,
        @Schema(description = "Laufzeit in Monaten.")
        @PositiveOrZero @Max(600) Integer durationMonths,
        @Schema(description = "Kennzahlen vorher/nachher, z. B. Leerstandsquote in %: 28,6 → 4,1 (name, unit, before, after, measuredAt).")
        @Size(max = 20) List<CaseContent.@NotNull @Valid Indicator> indicators,
        @Schema(description = "Akteure: federführend (lead), Beteiligte (stakeholders), beteiligte Partnerunternehmen (partnerIds).")
        @Valid CaseContent.Actors actors,
        @Schema(description = "Ansprechperson (name, role, email, phone): nur für angemeldete Mitglieder sichtbar, nie in Ereignissen, Exporten oder Logs.")
        @Valid CaseContent.Contact contact,
        @Schema(description = "Weiterführende Links (title, url), nur http und https.")
        @Size(max = 20) List<CaseContent.@NotNull @Valid Link> links,
        @Schema(description = "Die Version, auf der die Änderung beruht (Optimistic Locking); veraltet → 409. Beim Anlegen nicht nötig.")
        @NotNull(groups = OnUpdate.class) @PositiveOrZero Long version) {

    /** Validation group of the rules that only creating a case has. */
    public interface OnCreate {}

    /** Validation group of the rules that only editing a case has. */
    public interface OnUpdate {}

    CaseContent content() {
        return new CaseContent(title, teaser, topics, tags, projectStatus, startDate, endDate,
                new CaseContent.Sections(problem, objectives, approach, implementation, resources, results, lessons,
                        transferability),
                budget, fundingProgrammes, durationMonths, indicators, actors, contact, links);
    }
}
