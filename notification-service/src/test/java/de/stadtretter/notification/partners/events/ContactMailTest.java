package de.stadtretter.notification.partners.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
    void aRemovedPartnersWaitingRequestsAreDroppedAndThoseAfterARecreatedProfileAreMailed() throws Exception {
        UUID partner = UUID.randomUUID();
        Instant before = Instant.now();
        TestKafka.send(brokers, PartnerEvents.PROFILE_TOPIC, partner.toString(), PartnerEvents.removed(partner));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from removed_partner where partner_id = :id").param("id", partner)
                .query(Long.class).single() == 1);

        // a request made before the removal, arriving after it: dropped
        UUID late = UUID.randomUUID();
        String recipient = newAddress("entfernt");
        TestKafka.send(brokers, PartnerEvents.CONTACT_TOPIC, partner.toString(), PartnerEvents.contactRequested(late,
                partner, recipient, newAddress("absender"), "Hallo", before.minusSeconds(60)));
        // a request made after the company created its profile again (same id): mailed; on the same key, so once it
        // is mailed the late one was handled
        UUID again = UUID.randomUUID();
        TestKafka.send(brokers, PartnerEvents.CONTACT_TOPIC, partner.toString(), PartnerEvents.contactRequested(again,
                partner, recipient, newAddress("absender"), "Hallo nach dem Neuanfang",
                Instant.now().plusSeconds(1)));
        MimeMessage mail = TestMail.await(recipient, "Anfrage über Stadtretter: Anfrage Leerstandskataster");
        assertThat(TestMail.text(mail)).contains("Hallo nach dem Neuanfang");
        assertThat(TestMail.to(recipient)).hasSize(1);
        assertThat(mails.status(late)).isNull();

        // the partner is removed (again): what was kept of its mails goes
        TestKafka.send(brokers, PartnerEvents.PROFILE_TOPIC, partner.toString(), PartnerEvents.removed(partner));
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.status(again) == null);
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
