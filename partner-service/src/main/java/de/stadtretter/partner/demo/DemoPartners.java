package de.stadtretter.partner.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.partner.profiles.domain.CompanySize;
import de.stadtretter.partner.profiles.domain.Offering;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerProfile;
import de.stadtretter.partner.profiles.domain.PartnerPublications;
import de.stadtretter.partner.profiles.domain.PartnerRepository;
import de.stadtretter.partner.profiles.domain.PartnerStatus;
import de.stadtretter.partner.references.domain.Reference;
import de.stadtretter.partner.references.domain.ReferenceRepository;
import de.stadtretter.partner.references.domain.ReferenceStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo partners of the local platform ({@code stadtretter.partner.demo-data}, on unless started with
 * {@code --no-demo-data}): twelve invented companies ({@code demo/partner.json}) with offerings and references to
 * the demo cases, verified and announced (PartnerPublished) like any other profile, each in a transaction of its own.
 * The {@code partner} demo user owns the first. Existing profiles are left as they are. Runs before the directory
 * index is built.
 */
public class DemoPartners implements ApplicationRunner, Ordered {

    public static final String ACTOR = "stadtretter-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    record DemoFile(String notice, List<DemoPartner> partners) {}

    record DemoPartner(String key, UUID id, String name, String legalForm, @MultilineText String description,
            String website,
            List<String> topics, List<String> regions, CompanySize size, PartnerProfile.Contact contact,
            List<Offering> offerings, List<DemoReference> references) {

        UUID partnerId() {
            return id != null ? id : UUID.nameUUIDFromBytes(("stadtretter-demo-partner:" + key)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    record DemoReference(String caseKey, String role, ReferenceStatus status) {

        /** The demo case's id, as catalog-service derives it from its key. */
        UUID caseId() {
            return UUID.nameUUIDFromBytes(("stadtretter-demo:" + caseKey).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final PartnerRepository partners;
    private final ReferenceRepository references;
    private final PartnerPublications publications;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    public DemoPartners(PartnerRepository partners, ReferenceRepository references, PartnerPublications publications,
            PlatformTransactionManager tm, JsonMapper json, Clock clock) {
        this.partners = partners;
        this.references = references;
        this.publications = publications;
        this.transactions = new TransactionTemplate(tm);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Demo partners: {} new demo profiles published", publishMissing());
    }

    /** Publishes the demo partners not stored yet; returns how many. */
    public int publishMissing() {
        List<DemoPartner> demo = load();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int published = 0;
        for (int i = 0; i < demo.size(); i++) {
            DemoPartner d = demo.get(i);
            if (partners.exists(d.partnerId())) {
                continue;
            }
            Instant at = now.minus(Duration.ofDays(3L * (demo.size() - i)));
            transactions.executeWithoutResult(status -> publish(d, at));
            published++;
        }
        return published;
    }

    private void publish(DemoPartner d, Instant at) {
        UUID id = d.partnerId();
        PartnerProfile profile = new PartnerProfile(d.name(), d.legalForm(), d.description(), d.website(), null,
                d.topics(), d.regions(), d.size(), d.contact());
        partners.insert(new Partner(id, PartnerStatus.VERIFIED, profile, List.of(), null, true, 0, at, at, at));
        for (Offering o : d.offerings()) {
            partners.insertOffering(id, o.withId(UUID.nameUUIDFromBytes((id + ":" + o.title())
                    .getBytes(StandardCharsets.UTF_8))), at);
        }
        partners.recordHistory(id, "created", ACTOR, true, at, List.of(), "Demo-Inhalt");
        partners.recordHistory(id, "verified", ACTOR, false, at, List.of(), "Demo-Inhalt");
        for (DemoReference r : d.references()) {
            ReferenceStatus status = r.status() == null ? ReferenceStatus.CONFIRMED : r.status();
            boolean decided = status != ReferenceStatus.CLAIMED;
            references.insertDecided(new Reference(UUID.nameUUIDFromBytes((id + ":" + r.caseKey())
                    .getBytes(StandardCharsets.UTF_8)), id, d.name(), r.caseId(), r.role(), status, ACTOR, true, at,
                    decided ? ACTOR : null, decided, decided ? at : null, null, null, List.of(), null));
        }
        publications.published(partners.find(id).orElseThrow());
    }

    List<DemoPartner> load() {
        try (var in = new ClassPathResource("demo/partner.json").getInputStream()) {
            return json.readValue(in, DemoFile.class).partners();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
