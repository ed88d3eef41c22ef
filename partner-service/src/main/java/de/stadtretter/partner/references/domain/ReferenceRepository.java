package de.stadtretter.partner.references.domain;

import static de.stadtretter.kit.jdbc.SqlValues.instant;
import static de.stadtretter.kit.jdbc.SqlValues.strings;
import static de.stadtretter.kit.jdbc.SqlValues.timestamp;
import static de.stadtretter.kit.jdbc.SqlValues.uuidArray;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** References in table {@code partner_reference}, read together with partner-service's copy of the case. */
@Repository
public class ReferenceRepository {

    private static final String SELECT = """
            select r.id, r.partner_id, p.name as partner_name, r.case_id, r.role, r.status, r.claimed_by, r.claimed_on_behalf, r.claimed_at,
                   r.decided_by, r.decided_on_behalf, r.decided_at, c.title, c.ags, c.topics, c.published_at
            from partner_reference r join partner p on p.id = r.partner_id
                left join published_case c on c.case_id = r.case_id""";

    private final JdbcClient jdbc;

    ReferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Reference r) {
        jdbc.sql("""
                insert into partner_reference (id, partner_id, case_id, role, status, claimed_by, claimed_on_behalf,
                    claimed_at) values (:id, :partnerId, :caseId, :role, :status, :claimedBy, :onBehalf, :at)""")
                .param("id", r.id()).param("partnerId", r.partnerId()).param("caseId", r.caseId())
                .param("role", r.role()).param("status", r.status().name()).param("claimedBy", r.claimedBy())
                .param("onBehalf", r.claimedOnBehalf()).param("at", timestamp(r.claimedAt()))
                .update();
    }

    /** A declined claim made again: a new claim with its own role and author, the old decision cleared. */
    public void reclaim(Reference r) {
        jdbc.sql("""
                update partner_reference set role = :role, status = 'CLAIMED', claimed_by = :claimedBy,
                    claimed_on_behalf = :onBehalf, claimed_at = :at, decided_by = null, decided_on_behalf = false,
                    decided_at = null
                where id = :id""")
                .param("id", r.id()).param("role", r.role()).param("claimedBy", r.claimedBy())
                .param("onBehalf", r.claimedOnBehalf()).param("at", timestamp(r.claimedAt()))
                .update();
    }

    /** Writes the decision if the reference is still in {@code expected}; false when somebody was quicker. */
    public boolean decide(Reference r, ReferenceStatus expected) {
        return jdbc.sql("""
                update partner_reference set status = :status, decided_by = :by, decided_on_behalf = :onBehalf,
                    decided_at = :at
                where id = :id and status = :expected""")
                .param("id", r.id()).param("status", r.status().name()).param("by", r.decidedBy())
                .param("onBehalf", r.decidedOnBehalf()).param("at", timestamp(r.decidedAt()))
                .param("expected", expected.name())
                .update() == 1;
    }

    public void delete(UUID id) {
        jdbc.sql("delete from partner_reference where id = :id").param("id", id).update();
    }

    public Optional<Reference> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(ReferenceRepository::reference)
                .optional();
    }

    public Optional<Reference> find(UUID partnerId, UUID caseId) {
        return jdbc.sql(SELECT + " where r.partner_id = :partnerId and r.case_id = :caseId")
                .param("partnerId", partnerId).param("caseId", caseId).query(ReferenceRepository::reference)
                .optional();
    }

    /** A partner's references, newest claim first; {@code confirmedOnly} for what the public sees. */
    public List<Reference> ofPartner(UUID partnerId, boolean confirmedOnly) {
        return jdbc.sql(SELECT + " where r.partner_id = :partnerId"
                        + (confirmedOnly ? " and r.status = 'CONFIRMED' and c.case_id is not null" : "")
                        + " order by r.claimed_at desc, r.id")
                .param("partnerId", partnerId).query(ReferenceRepository::reference).list();
    }

    /**
     * The confirmed references of these partners on cases still in the catalogue (the evidence), newest decision
     * first.
     */
    public Map<UUID, List<Reference>> confirmedOf(Collection<UUID> partnerIds) {
        return confirmedOf(partnerIds, true);
    }

    /**
     * The confirmed references of these partners, newest decision first; {@code inCatalogueOnly} leaves out those
     * whose case partner-service does not know as published (archived, or not learnt yet).
     */
    public Map<UUID, List<Reference>> confirmedOf(Collection<UUID> partnerIds, boolean inCatalogueOnly) {
        Map<UUID, List<Reference>> byPartner = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return byPartner;
        }
        jdbc.sql(SELECT + " where r.partner_id = any(:ids) and r.status = 'CONFIRMED'"
                        + (inCatalogueOnly ? " and c.case_id is not null" : "") + " order by r.decided_at desc, r.id")
                .param("ids", uuidArray(partnerIds))
                .query((ResultSet rs) -> {
                    Reference r = reference(rs, 0);
                    byPartner.computeIfAbsent(r.partnerId(), k -> new ArrayList<>()).add(r);
                });
        return byPartner;
    }

    /** Inserts a reference as it is given (demo content), decision included. */
    public void insertDecided(Reference r) {
        insert(r);
        if (r.status() != ReferenceStatus.CLAIMED) {
            decide(r, ReferenceStatus.CLAIMED);
        }
    }

    /** Claims to decide: on the cases of municipality {@code ags}, or on all cases for {@code null} (Redaktion). */
    public List<Reference> inbox(String ags, ReferenceStatus status) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where c.case_id is not null");
        if (ags != null) {
            where.append(" and c.ags = :ags");
            params.put("ags", ags);
        }
        if (status != null) {
            where.append(" and r.status = :status");
            params.put("status", status.name());
        }
        return jdbc.sql(SELECT + where + " order by r.claimed_at, r.id limit 500").params(params)
                .query(ReferenceRepository::reference).list();
    }

    private static Reference reference(ResultSet rs, int row) throws SQLException {
        return new Reference(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"),
                rs.getObject("case_id", UUID.class), rs.getString("role"),
                ReferenceStatus.valueOf(rs.getString("status")), rs.getString("claimed_by"),
                rs.getBoolean("claimed_on_behalf"), instant(rs, "claimed_at"), rs.getString("decided_by"),
                rs.getBoolean("decided_on_behalf"), instant(rs, "decided_at"), rs.getString("title"),
                rs.getString("ags") == null ? null : rs.getString("ags").trim(), strings(rs, "topics"),
                instant(rs, "published_at"));
    }
}
