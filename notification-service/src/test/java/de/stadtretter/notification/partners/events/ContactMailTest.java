package de.stadtretter.notification.partners.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.notification.partners.delivery.ContactMails;
import de.stadtretter.testing.PartnerEvents;
import de.stadtretter.testing.TestKafka;
import jakarta.mail.internet.MimeMessage;

/** Contact requests from partner.contact.v1 mailed to the partner once; a removed partner's mails go. */
class ContactMailTest extends NotificationIntegrationTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ContactMails mails;

    @Test
    void aContactRequestIsMailedOnceToThePartnerWithTheSenderAsReplyTo() throws Exception {
        UUID partner = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String recipient = newAddress("partner");
        String sender = newAddress("citymanagerin");
        String event = PartnerEvents.contactRequested(request, partner, recipient, sender,
                "Guten Tag,\nwir planen ein Leerstandskataster. <b>Kein HTML</b>");
        TestKafka.send(brokers, PartnerEvents.CONTACT_TOPIC, partner.toString(), event);
        TestKafka.send(brokers, PartnerEvents.CONTACT_TOPIC, partner.toString(), event);

        MimeMessage mail = TestMail.await(recipient, "Anfrage über Stadtretter: Anfrage Leerstandskataster");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo(sender);
        assertThat(TestMail.text(mail)).contains("wir planen ein Leerstandskataster.")
                .contains("Max Muster (Flensburg, Stadt)").contains("Beispiel Stadtentwicklung GmbH");
        assertThat(TestMail.html(mail)).contains("&lt;b&gt;Kein HTML&lt;/b&gt;").doesNotContain("<b>Kein HTML</b>");
        assertThat(TestMail.header(mail, "List-Unsubscribe")).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(mails.status(request)));
        // the second delivery of the same event sends nothing; the message is not kept once sent
        Thread.sleep(1_000);
        assertThat(TestMail.to(recipient)).hasSize(1);
        assertThat(jdbc.sql("select message || recipient || reply_to from contact_mail where id = :id")
                .param("id", request).query(String.class).single()).isEmpty();
    }

    @Test
    void aRemovedPartnersWaitingMailsGoAndLaterRequestsAreDropped() throws Exception {
        UUID partner = UUID.randomUUID();
        TestKafka.send(brokers, PartnerEvents.PROFILE_TOPIC, partner.toString(), PartnerEvents.removed(partner));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from removed_partner where partner_id = :id").param("id", partner)
                .query(Long.class).single() == 1);

        UUID late = UUID.randomUUID();
        String recipient = newAddress("entfernt");
        TestKafka.send(brokers, PartnerEvents.CONTACT_TOPIC, partner.toString(),
                PartnerEvents.contactRequested(late, partner, recipient, newAddress("absender"), "Hallo"));
        // a marker request to another partner on the same key: once it is mailed, the late one was handled
        UUID marker = UUID.randomUUID();
        String markerRecipient = newAddress("marker");
        TestKafka.send(brokers, PartnerEvents.CONTACT_TOPIC, partner.toString(),
                PartnerEvents.contactRequested(marker, UUID.randomUUID(), markerRecipient, newAddress("a"), "Hallo"));
        TestMail.await(markerRecipient, "Anfrage über Stadtretter: Anfrage Leerstandskataster");
        assertThat(TestMail.to(recipient)).isEmpty();
        assertThat(mails.status(late)).isNull();
    }

    @Test
    void theRecordsFitThePartnerServicesContract() {
        de.stadtretter.testing.EventContracts.assertConsumerRecordFits(ContactRequested.class,
                PartnerEvents.schema(PartnerEvents.CONTACT_REQUESTED_TYPE),
                PartnerEvents.example(PartnerEvents.CONTACT_REQUESTED_TYPE), "requestId", "partnerId", "partnerName",
                "recipientName", "recipientEmail", "senderName", "senderEmail", "subject", "message", "requestedAt");
        de.stadtretter.testing.EventContracts.assertConsumerRecordFits(PartnerRemoved.class,
                PartnerEvents.schema(PartnerEvents.REMOVED_TYPE), PartnerEvents.example(PartnerEvents.REMOVED_TYPE),
                "partnerId", "removedAt");
    }
}
