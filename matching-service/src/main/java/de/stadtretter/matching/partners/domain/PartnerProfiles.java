package de.stadtretter.matching.partners.domain;

import static de.stadtretter.kit.jdbc.SqlValues.strings;
import static de.stadtretter.kit.jdbc.SqlValues.textArray;
import static de.stadtretter.kit.jdbc.SqlValues.timestamp;
import static de.stadtretter.kit.jdbc.SqlValues.uuidArray;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What matching knows of each verified partner (tables {@code partner_profile}, {@code partner_evidence}). */
@Repository
public class PartnerProfiles {

    /** A partner: its topics (profile and offerings), regions and the cases the towns confirmed. */
    public record PartnerProfile(UUID partnerId, String name, List<String> topics, List<String> regions,
            List<UUID> confirmedCases) {}

    private static final TypeReference<List<PartnerText.Offering>> OFFERINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PartnerProfiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Replaces what is known of the partner with its current public state. */
    public void replace(UUID partnerId, String name, String description, List<String> topics, List<String> regions,
            List<PartnerText.Offering> offerings) {
        jdbc.sql("""
                insert into partner_profile (partner_id, name, description, topics, regions, offerings)
                values (:id, :name, :description, :topics, :regions, cast(:offerings as jsonb))
                on conflict (partner_id) do update set name = excluded.name, description = excluded.description,
                    topics = excluded.topics, regions = excluded.regions, offerings = excluded.offerings,
                    updated_at = now(), changed_at = clock_timestamp()""")
                .param("id", partnerId).param("name", name).param("description", description == null ? "" : description)
                .param("topics", textArray(topics)).param("regions", textArray(regions))
                .param("offerings", json.writeValueAsString(offerings)).update();
        jdbc.sql("delete from partner_evidence where partner_id = :id").param("id", partnerId).update();
        jdbc.sql("delete from recommendable_removed where kind = 'PARTNER' and id = :id").param("id", partnerId)
                .update();
    }

    /** A confirmed reference; ignored for a partner not (yet) known as public. */
    public void confirmed(UUID referenceId, UUID partnerId, UUID caseId, Instant confirmedAt) {
        int added = jdbc.sql("""
                insert into partner_evidence (reference_id, partner_id, case_id, confirmed_at)
                select :ref, :id, :caseId, :at where exists (select 1 from partner_profile where partner_id = :id)
                on conflict (reference_id) do nothing""")
                .param("ref", referenceId).param("id", partnerId).param("caseId", caseId)
                .param("at", timestamp(confirmedAt)).update();
        if (added > 0) {
            touch(partnerId);
        }
    }

    public void withdrawn(UUID referenceId) {
        jdbc.sql("""
                with gone as (delete from partner_evidence where reference_id = :ref returning partner_id)
                update partner_profile set changed_at = clock_timestamp() where partner_id in (select partner_id from gone)""")
                .param("ref", referenceId).update();
    }

    private void touch(UUID partnerId) {
        jdbc.sql("update partner_profile set changed_at = clock_timestamp() where partner_id = :id")
                .param("id", partnerId).update();
    }

    /** The partner is gone: everything matching kept of it goes (its evidence with it). */
    public void forget(UUID partnerId) {
        int deleted = jdbc.sql("delete from partner_profile where partner_id = :id").param("id", partnerId).update();
        if (deleted > 0) {
            jdbc.sql("""
                    insert into recommendable_removed (kind, id) values ('PARTNER', :id)
                    on conflict (kind, id) do update set removed_at = clock_timestamp()""")
                    .param("id", partnerId).update();
        }
    }

    private static final String TEXT_QUERY = """
            select p.partner_id, p.name, p.description, p.topics, p.regions, p.offerings,
                   array(select e.case_id::text from partner_evidence e where e.partner_id = p.partner_id
                         order by e.confirmed_at) as cases
            from partner_profile p""";

    /** Every verified partner with its text, one by one (for rebuilding the recommendation index). */
    public void forEachText(Consumer<PartnerText> consumer) {
        jdbc.sql(TEXT_QUERY).query((ResultSet rs) -> {
            consumer.accept(text(rs));
        });
    }

    /** The texts of these partners (those still verified). */
    public Map<UUID, PartnerText> texts(Collection<UUID> ids) {
        Map<UUID, PartnerText> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(TEXT_QUERY + " where p.partner_id = any(:ids)").param("ids", uuidArray(ids))
                    .query((ResultSet rs) -> {
                        PartnerText t = text(rs);
                        out.put(t.partnerId(), t);
                    });
        }
        return out;
    }

    /** The partners changed or removed after {@code since} (database clock), with the time of the change. */
    public Map<UUID, Instant> changedSince(Instant since) {
        Map<UUID, Instant> changes = new HashMap<>();
        jdbc.sql("""
                select partner_id, changed_at from partner_profile where changed_at > :since
                union all select id, removed_at from recommendable_removed where kind = 'PARTNER' and removed_at > :since""")
                .param("since", timestamp(since))
                .query((ResultSet rs) -> {
                    changes.merge(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            (a, b) -> a.isAfter(b) ? a : b);
                });
        return changes;
    }

    private PartnerText text(ResultSet rs) throws SQLException {
        List<PartnerText.Offering> offerings = json.readValue(rs.getString("offerings"), OFFERINGS);
        return new PartnerText(rs.getObject("partner_id", UUID.class), rs.getString("name"),
                rs.getString("description"), strings(rs, "topics"), strings(rs, "regions"), offerings,
                strings(rs, "cases").stream().map(UUID::fromString).toList());
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
