package de.stadtretter.notification.cases.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.notification.NotificationIntegrationTest;
import de.stadtretter.notification.TestMail;
import de.stadtretter.testing.EventSchemas;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CasePublishedEventsTest extends NotificationIntegrationTest {

    private static final String TOPIC = "catalog.case.v1";
    private static final String DLT = "catalog.case.v1-dlt";

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    /** The producer's example event with a fresh event id, case id and title. */
    private ObjectNode exampleEvent(String title, List<String> topics) {
        ObjectNode event = (ObjectNode) EventSchemas.read(EventSchemas.producerFile("catalog-service",
                "events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.example.json"));
        String caseId = UUID.randomUUID().toString();
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", caseId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("caseId", caseId);
        data.put("title", title);
        ArrayNode topicArray = data.putArray("topics");
        topics.forEach(topicArray::add);
        return event;
    }

    private void send(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private void send(ObjectNode event) throws Exception {
        send(event.get("subject").asString(), json.writeValueAsString(event));
    }

    private static String label(String topic) {
        return ReferenceData.get().topic(topic).orElseThrow().labelDe();
    }

    private static String subjectFor(String title) {
        return "Neues Praxisbeispiel: " + title;
    }

    /** The event was handled, an immediate run took its case, and every mail of it went out. */
    private void awaitAllDeliveriesDone(ObjectNode event) {
        String eventId = event.get("id").asString();
        Awaitility.await("handling of " + eventId).atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", eventId)
                        .query(Long.class).single() == 1);
        UUID caseId = UUID.fromString(event.get("subject").asString());
        if (jdbc.sql("select count(*) from digest_item where item_id = :id").param("id", caseId).query(Long.class)
                .single() > 0) {
            awaitImmediateMailsOf(caseId);
        }
    }

    /** How many subscribers got the event's case. */
    private long deliveries(ObjectNode event) {
        return jdbc.sql("select count(*) from sent_item where kind = 'CASE' and item_id = cast(:id as uuid)")
                .param("id", event.get("subject").asString()).query(Long.class).single();
    }

    @Test
    void aPublishedCaseIsMailedToConfirmedSubscribersWithACommonTopicOnly() throws Exception {
        String matching = confirmedSubscriber("matching", List.of("leerstand", "events"));
        String pending = newAddress("pending");
        requestSubscription(pending, List.of("leerstand"), 1);
        String otherTopic = confirmedSubscriber("other", List.of("citylogistik"));

        String title = "Pop-up-Stores gegen Leerstand " + UUID.randomUUID();
        ObjectNode event = exampleEvent(title, List.of("leerstand", "handel-innovation"));
        long start = System.nanoTime();
        send(event);
        MimeMessage mail = TestMail.await(matching, subjectFor(title));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("publish-to-mail latency: " + millis + " ms");

        String caseId = event.get("data").get("caseId").asString();
        String text = TestMail.text(mail);
        assertThat(text).contains(title, "Die Stadt vermittelt leerstehende Ladenlokale",
                "Flensburg, Stadt (Schleswig-Holstein)", label("leerstand"), label("handel-innovation"),
                BASE_URL + "/praxisbeispiele/" + caseId, UNSUBSCRIBE_LINK);
        assertThat(TestMail.html(mail)).contains(title, "Abonnement beenden");
        assertThat(TestMail.header(mail, "List-Unsubscribe")).startsWith("<" + ONE_CLICK_UNSUBSCRIBE);
        assertThat(TestMail.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        awaitAllDeliveriesDone(event);
        assertThat(deliveries(event)).isEqualTo(1);
        assertThat(TestMail.to(pending, subjectFor(title))).isEmpty();
        assertThat(TestMail.to(otherTopic, subjectFor(title))).isEmpty();
        assertThat(jdbc.sql("""
                select m.status from digest_mail m join sent_item s on s.sent_in = m.id
                where s.item_id = cast(:id as uuid)""")
                .param("id", caseId).query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void aRedeliveredEventIsMailedOnce() throws Exception {
        String subscriber = confirmedSubscriber("twice", List.of("marketing"));
        String title = "Stadtmarketing neu gedacht " + UUID.randomUUID();
        ObjectNode event = exampleEvent(title, List.of("marketing"));
        send(event);
        send(event);
        // a later event on the same partition: once it is mailed, both copies above have been consumed
        String laterTitle = "Danach " + UUID.randomUUID();
        ObjectNode later = exampleEvent(laterTitle, List.of("marketing"));
        send(event.get("subject").asString(), json.writeValueAsString(later));

        TestMail.await(subscriber, subjectFor(laterTitle));
        awaitAllDeliveriesDone(event);
        assertThat(TestMail.to(subscriber, subjectFor(title))).hasSize(1);
        assertThat(deliveries(event)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        String subscriber = confirmedSubscriber("dlt", List.of("foerderung"));
        String key = UUID.randomUUID().toString();
        String garbage = "this is not JSON " + UUID.randomUUID();

        try (Consumer<String, String> dlt = dltConsumer()) {
            send(key, garbage);
            String title = "Förderprogramm erfolgreich genutzt " + UUID.randomUUID();
            ObjectNode valid = exampleEvent(title, List.of("foerderung"));
            send(key, json.writeValueAsString(valid));

            TestMail.await(subscriber, subjectFor(title));
            ConsumerRecord<String, String> dead = awaitRecord(dlt, garbage);
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        }
    }

    @Test
    void aPublishedRevisionIsMailedOnlyToThoseWhoHaveNotHadTheCase() throws Exception {
        String subscriber = confirmedSubscriber("revised", List.of("foerderung"));
        String title = "Fördermittellotsen " + UUID.randomUUID();
        ObjectNode published = exampleEvent(title, List.of("foerderung"));
        send(published);
        TestMail.await(subscriber, subjectFor(title));
        awaitAllDeliveriesDone(published);

        ObjectNode updated = (ObjectNode) EventSchemas.read(de.stadtretter.testing.CaseEvents.updatedExample());
        String caseId = published.get("data").get("caseId").asString();
        updated.put("id", UUID.randomUUID().toString());
        updated.put("subject", caseId);
        ((ObjectNode) updated.get("data")).put("caseId", caseId).put("title", title + " (überarbeitet)");
        ((ObjectNode) updated.get("data")).putArray("topics").add("foerderung");
        long hadIt = deliveries(published);
        // someone who subscribed after the case was published: for them the revision is news
        String newcomer = confirmedSubscriber("newcomer", List.of("foerderung"));
        send(updated);
        send(updated); // delivered twice: handled once
        awaitAllDeliveriesDone(updated);
        assertThat(jdbc.sql("select title from digest_item where kind = 'CASE' and item_id = cast(:id as uuid)")
                .param("id", caseId).query(String.class).single()).endsWith("(überarbeitet)");
        TestMail.await(newcomer, subjectFor(title + " (überarbeitet)"));
        assertThat(deliveries(updated)).isEqualTo(hadIt + 1);
        assertThat(TestMail.to(subscriber, subjectFor(title + " (überarbeitet)"))).isEmpty();
        assertThat(TestMail.to(subscriber)).hasSize(2); // the confirmation and the first announcement
    }

    @Test
    void otherEventTypesAreRecordedAndIgnored() throws Exception {
        ObjectNode event = exampleEvent("Unbekannt " + UUID.randomUUID(), List.of("leerstand"));
        event.put("type", "de.stadtretter.catalog.case.unknown.v1");
        send(event);
        awaitAllDeliveriesDone(event);
        assertThat(deliveries(event)).isZero();
    }

    @Test
    void anArchivedCaseIsWithdrawnFromTheDigests() throws Exception {
        String title = "Bald archiviert " + UUID.randomUUID();
        ObjectNode published = exampleEvent(title, List.of("organisation"));
        send(published);
        awaitAllDeliveriesDone(published);
        String caseId = published.get("data").get("caseId").asString();
        ObjectNode archived = (ObjectNode) EventSchemas.read(de.stadtretter.testing.CaseEvents.archivedExample());
        archived.put("id", UUID.randomUUID().toString());
        archived.put("subject", caseId);
        ((ObjectNode) archived.get("data")).put("caseId", caseId);
        send(archived);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select withdrawn_at is not null from digest_item where kind = 'CASE' and item_id = cast(:id as uuid)")
                .param("id", caseId).query(Boolean.class).single());
    }

    @Test
    void afterUnsubscribingNoMoreMailsArrive() throws Exception {
        String leaving = confirmedSubscriber("leaving", List.of("mobilitaet"));
        String staying = confirmedSubscriber("staying", List.of("mobilitaet"));

        String firstTitle = "Parkraum neu geordnet " + UUID.randomUUID();
        send(exampleEvent(firstTitle, List.of("mobilitaet")));
        MimeMessage first = TestMail.await(leaving, subjectFor(firstTitle));
        String link = TestMail.link(first, UNSUBSCRIBE_LINK);

        mvc.perform(get(servicePageOf(link)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Abonnement beenden")));
        assertThat(statusOf(leaving)).isEqualTo("CONFIRMED");
        mvc.perform(post("/api/notifications/subscriptions/unsubscribe").param("token", tokenOf(link)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ihr Abonnement ist beendet")));
        assertThat(statusOf(leaving)).isEqualTo("UNSUBSCRIBED");

        String secondTitle = "Lastenräder für die Innenstadt " + UUID.randomUUID();
        ObjectNode second = exampleEvent(secondTitle, List.of("mobilitaet"));
        send(second);
        TestMail.await(staying, subjectFor(secondTitle));
        awaitAllDeliveriesDone(second);
        assertThat(TestMail.to(leaving, subjectFor(secondTitle))).isEmpty();
        assertThat(TestMail.to(staying, subjectFor(firstTitle))).hasSize(1);
    }

    private Consumer<String, String> dltConsumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(DLT));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(Consumer<String, String> consumer, String value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (value.equals(record.value())) {
                    return record;
                }
            }
        }
        throw new AssertionError("No record '" + value + "' in " + DLT + " within 30 s");
    }
}
