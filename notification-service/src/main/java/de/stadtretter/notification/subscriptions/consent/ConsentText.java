package de.stadtretter.notification.subscriptions.consent;

/**
 * The declaration of consent a subscriber gives, word for word, with its version. The portal shows it next to the
 * subscription form ({@code GET /api/notifications/subscriptions/consent}); each consent record stores the text and
 * version that were in force when the request was made. A changed text gets a new version.
 */
public final class ConsentText {

    public static final String VERSION = "2026-12-01";

    public static final String TEXT = "Ich willige ein, dass Stadtretter mir an die angegebene E-Mail-Adresse "
            + "Nachrichten über neue Praxisbeispiele, Partner und Bedarfe zu den von mir gewählten Themen, Ländern "
            + "und Gemeindetypen in der von mir gewählten Häufigkeit sendet. Meine Einwilligung kann ich jederzeit "
            + "mit Wirkung für die Zukunft widerrufen, über den Abmeldelink in jeder E-Mail oder auf der Seite "
            + "meiner Einstellungen. Zum Nachweis der Einwilligung speichert Stadtretter den Zeitpunkt der Anmeldung "
            + "und der Bestätigung, diesen Text und die gekürzte IP-Adresse der Anmeldung.";

    private ConsentText() {
    }
}
