package de.stadtretter.matching.partners.domain;

import static de.stadtretter.kit.jdbc.SqlValues.strings;
import static de.stadtretter.kit.jdbc.SqlValues.textArray;
import static de.stadtretter.kit.jdbc.SqlValues.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What matching knows of each verified partner (tables {@code partner_profile}, {@code partner_evidence}). */
@Repository
public class PartnerProfiles {

    /** A partner: its topics (profile and offerings), regions and the cases the towns confirmed. */
    public record PartnerProfile(UUID partnerId, String name, List<String> topics, List<String> regions,
            List<UUID> confirmedCases) {}

    private final JdbcClient jdbc;

    PartnerProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what is known of the partner with its current public state. */
    public void replace(UUID partnerId, String name, List<String> topics, List<String> regions) {
        jdbc.sql("""
                insert into partner_profile (partner_id, name, topics, regions) values (:id, :name, :topics, :regions)
                on conflict (partner_id) do update set name = excluded.name, topics = excluded.topics,
                    regions = excluded.regions, updated_at = now()""")
                .param("id", partnerId).param("name", name).param("topics", textArray(topics))
                .param("regions", textArray(regions)).update();
        jdbc.sql("delete from partner_evidence where partner_id = :id").param("id", partnerId).update();
    }

    /** A confirmed reference; ignored for a partner not (yet) known as public. */
    public void confirmed(UUID referenceId, UUID partnerId, UUID caseId, Instant confirmedAt) {
        jdbc.sql("""
                insert into partner_evidence (reference_id, partner_id, case_id, confirmed_at)
                select :ref, :id, :caseId, :at where exists (select 1 from partner_profile where partner_id = :id)
                on conflict (reference_id) do nothing""")
                .param("ref", referenceId).param("id", partnerId).param("caseId", caseId)
                .param("at", timestamp(confirmedAt)).update();
    }

    public void withdrawn(UUID referenceId) {
        jdbc.sql("delete from partner_evidence where reference_id = :ref").param("ref", referenceId).update();
    }

    /** The partner is gone: everything matching kept of it goes (its evidence with it). */
    public void forget(UUID partnerId) {
        jdbc.sql("delete from partner_profile where partner_id = :id").param("id", partnerId).update();
    }

    public Optional<PartnerProfile> find(UUID partnerId) {
        return jdbc.sql("""
                select p.partner_id, p.name, p.topics, p.regions,
                       array(select e.case_id::text from partner_evidence e where e.partner_id = p.partner_id
                             order by e.confirmed_at) as cases
                from partner_profile p where p.partner_id = :id""")
                .param("id", partnerId)
                .query((rs, n) -> new PartnerProfile(rs.getObject("partner_id", UUID.class), rs.getString("name"),
                        strings(rs, "topics"), strings(rs, "regions"),
                        strings(rs, "cases").stream().map(UUID::fromString).toList()))
                .optional();
    }
}
