package de.stadtretter.catalog.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.ProjectStatus;
import de.stadtretter.kit.reference.ReferenceData;

/**
 * Generates realistic synthetic German practice examples for benchmarks: every section filled from varied
 * phrases per topic, municipalities drawn from every Land and every town type, budgets, dates and indicators in
 * plausible ranges. Deterministic for a seed. Not demo content: the texts are recombined fragments.
 */
public final class SyntheticCases {

    /** One generated case: where it is and what it says. */
    public record Synthetic(UUID id, String ags, CaseContent content) {}

    private static final Map<String, String[]> SUBJECTS = new LinkedHashMap<>();
    private static final Map<String, String[]> MEASURES = new LinkedHashMap<>();

    static {
        SUBJECTS.put("leerstand", new String[] {"Leerstandsmanagement", "Zwischennutzung leerer Läden",
            "Ansiedlungsmanagement", "Leerstandskataster", "Pop-up-Stores", "Eigentümeransprache",
            "Gründerläden", "Verfügungsfonds für Ladenlokale"});
        SUBJECTS.put("erlebnisraum", new String[] {"Aufenthaltsqualität", "Stadtgrün und Schatten", "Spielorte",
            "Kultur in der Innenstadt", "Wohnen über den Läden", "Sitzgelegenheiten", "Wasserspiele",
            "Abendgastronomie"});
        SUBJECTS.put("handel-innovation", new String[] {"lokaler Online-Marktplatz", "Click & Collect",
            "Digitalisierungsberatung", "Schaufenstergestaltung", "Kundenkarte", "Treuekarte",
            "Social-Media-Schulung", "Kassensysteme"});
        SUBJECTS.put("marketing", new String[] {"Stadtmarketing", "Stadtgutschein", "Dachmarke",
            "Imagekampagne", "Innenstadtmagazin", "Heimatshoppen", "Influencer-Kooperation", "Newsletter"});
        SUBJECTS.put("stadtgestaltung", new String[] {"Fassadenprogramm", "Gestaltungssatzung",
            "Umbau des Marktplatzes", "Immobilienentwicklung", "Beleuchtungskonzept", "Werbeanlagensatzung",
            "Hofbegrünung", "Sanierung der Altstadt"});
        SUBJECTS.put("mobilitaet", new String[] {"Fahrradparken", "Parkleitsystem", "Shuttlebus",
            "Fußgängerzone", "Barrierefreiheit", "Parkraumbewirtschaftung", "Radverkehrskonzept",
            "Anbindung an den Bahnhof"});
        SUBJECTS.put("organisation", new String[] {"Citymanagement", "Quartiersmanagement",
            "Standortgemeinschaft", "Händlerverein", "Innenstadtkümmerer", "Lenkungskreis Innenstadt",
            "Eigentümerstandortgemeinschaft", "Netzwerk der Gewerbetreibenden"});
        SUBJECTS.put("events", new String[] {"Wochenmarkt", "Feierabendmarkt", "Stadtfest",
            "verkaufsoffener Sonntag", "Frequenzmessung", "Adventsmarkt", "Kulturnacht", "Lichterfest"});
        SUBJECTS.put("foerderung", new String[] {"Förderantrag", "Städtebauförderung", "Landesprogramm",
            "Innenstadtfonds", "Mietzuschuss", "Fördermittelberatung", "Bundesprogramm", "Kofinanzierung"});
        SUBJECTS.put("citylogistik", new String[] {"Lieferdienst", "Lastenräder", "Mikro-Hub", "Paketstation",
            "Ladezonen", "Bringdienst", "gebündelte Belieferung", "emissionsfreie Zustellung"});

        MEASURES.put("leerstand", new String[] {"leere Ladenlokale erfassen", "Eigentümer ansprechen",
            "Flächen befristet vermieten", "Gründer begleiten", "Mieten staffeln", "Makler einbinden"});
        MEASURES.put("erlebnisraum", new String[] {"Bänke aufstellen", "Bäume in Kübeln pflanzen",
            "Spielgeräte aufstellen", "Konzerte veranstalten", "Plätze beleben", "Wasser erlebbar machen"});
        MEASURES.put("handel-innovation", new String[] {"Sortimente online zeigen", "Händler schulen",
            "Google-Profile pflegen", "Abholstationen einrichten", "Punkte sammeln lassen", "Fotos erstellen"});
        MEASURES.put("marketing", new String[] {"Kampagnen planen", "Gutscheine ausgeben", "Arbeitgeber gewinnen",
            "eine Website betreiben", "Geschichten erzählen", "Plakate gestalten"});
        MEASURES.put("stadtgestaltung", new String[] {"Fassaden erneuern", "Zuschüsse vergeben",
            "Eigentümer beraten", "Plätze umbauen", "Regeln festlegen", "Licht planen"});
        MEASURES.put("mobilitaet", new String[] {"Stellplätze umwidmen", "Busse takten", "Wege ausschildern",
            "Bordsteine absenken", "Radbügel montieren", "Parkgebühren anpassen"});
        MEASURES.put("organisation", new String[] {"Akteure vernetzen", "Sprechstunden anbieten",
            "Stammtische gründen", "Zuständigkeiten klären", "Abgaben erheben", "Projekte koordinieren"});
        MEASURES.put("events", new String[] {"Markttage verlegen", "Beschicker gewinnen", "Passanten zählen",
            "Programme gestalten", "Anwohner informieren", "Bühnen aufbauen"});
        MEASURES.put("foerderung", new String[] {"Anträge stellen", "Eigenanteile sichern", "Mittel bündeln",
            "Projekte priorisieren", "Berichte schreiben", "Fristen einhalten"});
        MEASURES.put("citylogistik", new String[] {"Sendungen bündeln", "Kuriere beauftragen", "Depots einrichten",
            "Lieferzeiten abstimmen", "Ladezonen markieren", "Gebühren festlegen"});
    }

    private static final String[] PROBLEMS = {
        "Die Innenstadt verlor seit Jahren Kundschaft an das Internet und die Einkaufszentren am Stadtrand.",
        "In der Hauptlage standen immer mehr Ladenlokale leer, und die Passantenfrequenz sank spürbar.",
        "Die Händler arbeiteten nebeneinander her, gemeinsame Aktionen kamen kaum zustande.",
        "Familien und junge Menschen fanden in der Innenstadt wenig, was sie zum Bleiben einlud.",
        "Der Verkehr belastete die Altstadt, und Besucher klagten über fehlende Orientierung.",
        "Viele Eigentümer waren auswärts und für die Stadt kaum erreichbar.",
        "Nach der Pandemie kehrte die Kundschaft nur zögerlich in die Geschäfte zurück.",
        "Förderprogramme waren bekannt, doch für Anträge fehlten Personal und eine gemeinsame Strategie."};
    private static final String[] OBJECTIVES = {
        "Die Innenstadt soll wieder ein lebendiger Ort für Einkauf, Begegnung und Kultur werden.",
        "Der Leerstand soll deutlich sinken und neue Angebote sollen die Mitte stärken.",
        "Mehr Besucherinnen und Besucher sollen länger bleiben und wiederkommen.",
        "Händler, Eigentümer und Verwaltung sollen gemeinsam Verantwortung übernehmen.",
        "Die Erreichbarkeit soll besser werden, ohne die Aufenthaltsqualität zu verlieren."};
    private static final String[] LESSONS = {
        "Der Zeitplan war zu knapp bemessen; wir hätten mehr Vorlauf für die Abstimmung gebraucht.",
        "Die Beteiligung erreichte zunächst nur wenige; aufsuchende Formate hätten früher kommen müssen.",
        "Nach dem Ende der Förderung fehlte die Anschlussfinanzierung, und das Angebot wurde eingestellt.",
        "Die Zuständigkeiten in der Verwaltung waren unklar, was viele Entscheidungen verzögerte.",
        "Die Technik stand im Vordergrund; wichtiger wären persönliche Gespräche gewesen.",
        "Einige Eigentümer blockierten das Vorhaben, weil sie zu spät eingebunden wurden.",
        "Die Kosten für Pflege und Betrieb haben wir deutlich unterschätzt.",
        "Ohne eine feste Ansprechperson vor Ort wäre das Projekt gescheitert."};
    private static final String[] TRANSFER = {
        "Das Vorgehen ist auf Städte ähnlicher Größe übertragbar, wenn Personal dauerhaft gesichert ist.",
        "Voraussetzung ist ein aktiver Händlerverein oder eine vergleichbare Struktur.",
        "Kleinere Gemeinden sollten mit einer abgespeckten Variante beginnen.",
        "Entscheidend ist die frühe Einbindung der Eigentümer und der Politik.",
        "Die Maßnahme lässt sich mit geringem Budget ausprobieren und später ausbauen."};
    private static final String[] RESULTS = {
        "Die Passantenfrequenz stieg um %d Prozent.", "Es wurden %d Ladenlokale neu vermietet.",
        "Über %d Betriebe haben sich beteiligt.", "Die Zahl der Veranstaltungen wuchs auf %d im Jahr.",
        "Rund %d Haushalte nutzen das Angebot regelmäßig."};

    private final Random random;
    private final Map<String, List<ReferenceData.Municipality>> byTownType = new LinkedHashMap<>();
    private final List<ReferenceData.Topic> topics;
    private final ReferenceData referenceData;

    public SyntheticCases(ReferenceData referenceData, long seed) {
        this.referenceData = referenceData;
        this.random = new Random(seed);
        this.topics = referenceData.topics();
        List<ReferenceData.Municipality> all = new ArrayList<>(referenceData.municipalities());
        Collections.shuffle(all, new Random(seed));
        for (ReferenceData.Municipality m : all) {
            byTownType.computeIfAbsent(referenceData.townTypeFor(m.population()).code(), k -> new ArrayList<>())
                    .add(m);
        }
    }

    /** The {@code n}-th case of the sequence: the municipalities cycle through Länder and town types. */
    public Synthetic next(int n) {
        ReferenceData.Municipality m = municipality(n);
        String topic = topics.get(random.nextInt(topics.size())).id();
        String second = topics.get(random.nextInt(topics.size())).id();
        List<String> caseTopics = topic.equals(second) ? List.of(topic) : List.of(topic, second);
        String subject = pick(SUBJECTS.get(topic));
        String place = m.name().replaceFirst(",.*$", "");
        String title = capitalise(subject) + " in " + place + (random.nextInt(3) == 0 ? ": " + pick(new String[] {
            "ein Neuanfang", "Erfahrungen aus drei Jahren", "gemeinsam mit den Händlern", "mit kleinem Budget",
            "ein Modellprojekt", "was wir gelernt haben"}) : "");
        String teaser = place + " setzt auf " + subject + " und will so " + pick(MEASURES.get(topic)) + " und "
                + pick(MEASURES.get(second)) + ".";
        int year = 2015 + random.nextInt(11);
        LocalDate start = LocalDate.of(year, 1 + random.nextInt(12), 1);
        ProjectStatus status = ProjectStatus.values()[random.nextInt(3)];
        LocalDate end = status == ProjectStatus.COMPLETED ? start.plusMonths(6 + random.nextInt(48)) : null;
        long min = (1 + random.nextInt(200)) * 5_000L;
        long max = min + random.nextInt(100) * 5_000L;
        CaseContent.Sections sections = new CaseContent.Sections(
                pick(PROBLEMS) + " " + pick(PROBLEMS) + " Besonders betroffen war der Bereich um "
                        + pick(new String[] {"den Marktplatz", "die Hauptstraße", "den Bahnhof", "die Altstadt"}) + ".",
                pick(OBJECTIVES) + " Dazu gehört, " + pick(MEASURES.get(topic)) + ".",
                "Wir haben uns für " + subject + " entschieden, um " + pick(MEASURES.get(topic)) + " und "
                        + pick(MEASURES.get(second)) + ". " + pick(OBJECTIVES),
                "Die Umsetzung begann " + year + " mit einer Bestandsaufnahme. Danach galt es, "
                        + pick(MEASURES.get(topic)) + " und " + pick(MEASURES.get(topic)) + ". "
                        + "Ein Lenkungskreis traf sich monatlich.",
                "Das Budget lag bei " + min + " bis " + max + " Euro, davon " + (20 + random.nextInt(70))
                        + " Prozent aus Fördermitteln; dazu kamen " + (1 + random.nextInt(3)) + " Stellen.",
                RESULTS[random.nextInt(RESULTS.length)].formatted(5 + random.nextInt(60)) + " "
                        + RESULTS[random.nextInt(RESULTS.length)].formatted(5 + random.nextInt(60)),
                pick(LESSONS) + " " + pick(LESSONS),
                pick(TRANSFER) + " " + pick(TRANSFER));
        CaseContent content = new CaseContent(title.length() > 120 ? title.substring(0, 120) : title, teaser,
                caseTopics, List.of(subject.length() > 40 ? subject.substring(0, 40) : subject, "Innenstadt"),
                status, start, end, sections, new CaseContent.Budget(min, max), List.of(pick(new String[] {
                    "Städtebauförderung", "Bundesprogramm Zukunftsfähige Innenstädte und Zentren",
                    "Landesprogramm Innenstadt", "EFRE"})),
                6 + random.nextInt(48),
                List.of(new CaseContent.Indicator("Leerstandsquote", "%",
                        java.math.BigDecimal.valueOf(5 + random.nextInt(250), 1),
                        java.math.BigDecimal.valueOf(1 + random.nextInt(100), 1), end)),
                new CaseContent.Actors(pick(new String[] {"Wirtschaftsförderung", "Stadtmarketing", "Bauamt",
                    "Citymanagement"}), List.of("Einzelhandel", "Eigentümer"), List.of()),
                null, List.of());
        return new Synthetic(UUID.nameUUIDFromBytes(("stadtretter-synthetic:" + n).getBytes()), m.ags(), content);
    }

    /** Round-robin over the town types, each drawing at random from its municipalities (all Länder appear). */
    private ReferenceData.Municipality municipality(int n) {
        List<List<ReferenceData.Municipality>> types = new ArrayList<>(byTownType.values());
        List<ReferenceData.Municipality> ofType = types.get(n % types.size());
        return ofType.get(random.nextInt(ofType.size()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
