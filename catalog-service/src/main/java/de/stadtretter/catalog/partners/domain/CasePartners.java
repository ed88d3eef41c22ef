package de.stadtretter.catalog.partners.domain;

import static de.stadtretter.kit.jdbc.SqlValues.timestamp;
import static de.stadtretter.kit.jdbc.SqlValues.uuidArray;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code case_partner}: the verified partners whose work on a case the town confirmed. */
@Repository
public class CasePartners {

    /** A partner on a case: its id, name and role in the project. */
    public record CasePartner(UUID id, String name, String role) {}

    private final JdbcClient jdbc;

    CasePartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void confirmed(UUID referenceId, UUID caseId, UUID partnerId, String partnerName, String role,
            Instant confirmedAt) {
        jdbc.sql("""
                insert into case_partner (reference_id, case_id, partner_id, partner_name, role, confirmed_at)
                values (:ref, :caseId, :partnerId, :name, :role, :at)
                on conflict (reference_id) do update set case_id = excluded.case_id,
                    partner_name = excluded.partner_name, role = excluded.role, confirmed_at = excluded.confirmed_at""")
                .param("ref", referenceId).param("caseId", caseId).param("partnerId", partnerId)
                .param("name", partnerName).param("role", role).param("at", timestamp(confirmedAt))
                .update();
    }

    public void withdrawn(UUID referenceId) {
        jdbc.sql("delete from case_partner where reference_id = :ref").param("ref", referenceId).update();
    }

    /** Forgets everything of a partner (removed, or about to be replaced by its current state). */
    public void forget(UUID partnerId) {
        jdbc.sql("delete from case_partner where partner_id = :id").param("id", partnerId).update();
    }

    public List<CasePartner> ofCase(UUID caseId) {
        return ofCases(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The partners of these cases, in the order their references were confirmed. */
    public Map<UUID, List<CasePartner>> ofCases(Collection<UUID> caseIds) {
        Map<UUID, List<CasePartner>> byCase = new HashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("""
                select case_id, partner_id, partner_name, role from case_partner where case_id = any(:ids)
                order by confirmed_at, reference_id""")
                .param("ids", uuidArray(caseIds))
                .query((ResultSet rs) -> {
                    byCase.computeIfAbsent(rs.getObject("case_id", UUID.class), k -> new ArrayList<>())
                            .add(new CasePartner(rs.getObject("partner_id", UUID.class), rs.getString("partner_name"),
                                    rs.getString("role")));
                });
        return byCase;
    }
}
