package de.stadtretter.catalog.cases.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the pending revisions of published cases (table {@code case_revision}); the revised content, contact
 * included, as JSON until it is published into the case.
 */
@Repository
public class CaseRevisionRepository {

    /** A plain mapper: the content was validated and normalised when it came in; stored JSON is read back as is. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public CaseRevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseRevision> find(UUID caseId) {
        return jdbc.sql("""
                select case_id, content, status, based_on, created_by, created_at, updated_at, submitted_at,
                       review_comment, version
                from case_revision where case_id = :id""")
                .param("id", caseId)
                .query(this::map)
                .optional();
    }

    public CaseRevision insert(CaseRevision r) {
        jdbc.sql("""
                insert into case_revision (case_id, content, status, based_on, created_by, created_at, updated_at,
                                           submitted_at, review_comment, version)
                values (:id, cast(:content as jsonb), :status, :basedOn, :createdBy, :createdAt, :updatedAt,
                        :submittedAt, :comment, 0)""")
                .param("id", r.caseId())
                .param("content", JSON.writeValueAsString(r.content()))
                .param("status", r.status().name())
                .param("basedOn", r.basedOn())
                .param("createdBy", r.createdBy())
                .param("createdAt", timestamp(r.createdAt()))
                .param("updatedAt", timestamp(r.updatedAt()))
                .param("submittedAt", timestamp(r.submittedAt()))
                .param("comment", r.reviewComment())
                .update();
        return r;
    }

    /**
     * Writes {@code r} if its version is still the stored one; returns it with the incremented version.
     *
     * @throws OptimisticLockingFailureException if somebody else changed the revision in the meantime
     */
    public CaseRevision update(CaseRevision r) {
        int updated = jdbc.sql("""
                update case_revision set content = cast(:content as jsonb), status = :status, updated_at = :updatedAt,
                                         submitted_at = :submittedAt, review_comment = :comment,
                                         version = version + 1
                where case_id = :id and version = :version""")
                .param("id", r.caseId())
                .param("content", JSON.writeValueAsString(r.content()))
                .param("status", r.status().name())
                .param("updatedAt", timestamp(r.updatedAt()))
                .param("submittedAt", timestamp(r.submittedAt()))
                .param("comment", r.reviewComment())
                .param("version", r.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Revision of case " + r.caseId() + " version " + r.version()
                    + " is stale");
        }
        return new CaseRevision(r.caseId(), r.content(), r.status(), r.basedOn(), r.createdBy(), r.createdAt(),
                r.updatedAt(), r.submittedAt(), r.reviewComment(), r.version() + 1);
    }

    public void delete(UUID caseId) {
        jdbc.sql("delete from case_revision where case_id = :id").param("id", caseId).update();
    }

    private CaseRevision map(ResultSet rs, int row) throws SQLException {
        return new CaseRevision(
                rs.getObject("case_id", UUID.class),
                JSON.readValue(rs.getString("content"), CaseContent.class),
                CaseRevision.Status.valueOf(rs.getString("status")),
                rs.getLong("based_on"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                rs.getString("review_comment"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
