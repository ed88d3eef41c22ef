package de.stadtretter.partner.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.jayway.jsonpath.JsonPath;

import de.stadtretter.partner.PartnerServiceTest;
import de.stadtretter.partner.profiles.domain.PartnerRepository;
import de.stadtretter.partner.profiles.domain.PartnerStatus;
import de.stadtretter.testing.CaseEvents;
import de.stadtretter.testing.TestKafka;

/** The demo partners of the local platform, published at start of this test context. */
class DemoPartnersTest extends PartnerServiceTest {

    /** The organisation of the {@code partner} user of the local realm. */
    static final UUID DEMO_PARTNER_ORGANISATION = UUID.fromString("3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    DemoPartners demo;

    @Autowired
    PartnerRepository partners;

    @Test
    void twelveVerifiedDemoProfilesAndThePartnerUserOwnsOne() throws Exception {
        List<DemoPartners.DemoPartner> all = demo.load();
        assertThat(all).hasSize(12);
        for (DemoPartners.DemoPartner d : all) {
            var stored = partners.find(d.partnerId()).orElseThrow();
            assertThat(stored.status()).isEqualTo(PartnerStatus.VERIFIED);
            assertThat(stored.demo()).isTrue();
            assertThat(stored.profile().description()).contains("Demo-Profil");
            assertThat(stored.offerings()).isNotEmpty();
        }
        mvc.perform(as(partnerOf(DEMO_PARTNER_ORGANISATION), get("/api/partners/{id}", DEMO_PARTNER_ORGANISATION)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Innenstadtwerk Nord"))
                .andExpect(jsonPath("$.demo").value(true));
        // a second start publishes nothing again
        assertThat(demo.publishMissing()).isZero();
    }

    @Test
    void onceTheDemoCasesAreKnownTheDirectoryRanksByTheirEvidence() throws Exception {
        for (String key : List.of("weimar-innenstadtmarketing", "goslar-stadtgutschein", "bamberg-sonntag",
                "flensburg-leerstandsmanagement")) {
            UUID caseId = UUID.nameUUIDFromBytes(("stadtretter-demo:" + key).getBytes(StandardCharsets.UTF_8));
            TestKafka.send(brokers, CaseEvents.TOPIC, caseId.toString(),
                    CaseEvents.published(caseId, "Demo " + key, "marketing"));
        }
        UUID dachmarke = UUID.nameUUIDFromBytes("stadtretter-demo-partner:dachmarke".getBytes(StandardCharsets.UTF_8));
        UUID visionaer = UUID.nameUUIDFromBytes("stadtretter-demo-partner:visionaer-stadtmarketing"
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmed(dachmarke) == 3);
        String result = mvc.perform(get("/api/partners/search").param("topic", "marketing").param("size", "50"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(result, "$.items[*].id");
        assertThat(ids).contains(dachmarke.toString(), visionaer.toString());
        assertThat(ids.indexOf(dachmarke.toString())).isLessThan(ids.indexOf(visionaer.toString()));
        // the claim still waiting for Flensburg counts for nothing
        mvc.perform(as(kommune(FLENSBURG), get("/api/partners/references")))
                .andExpect(jsonPath("$[?(@.partnerName == 'Ladenwerk Zwischennutzung')].status").value("CLAIMED"));
    }

    private int confirmed(UUID partner) throws Exception {
        String body = mvc.perform(get("/api/partners/search").param("q", "Dachmarke")).andReturn().getResponse()
                .getContentAsString();
        List<Integer> counts = JsonPath.read(body, "$.items[?(@.id == '" + partner + "')].confirmedReferences");
        return counts.isEmpty() ? 0 : counts.getFirst();
    }
}
