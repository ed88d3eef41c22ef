package de.stadtretter.catalog.cases.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Stores cases and their history in the tables {@code cases} and {@code case_history}. */
@Repository
public class CaseRepository {

    private static final String COLUMNS = """
            id, title, teaser, ags, owner_organisation, topics, status, created_by, created_at, updated_at,
            submitted_at, published_at, version""";

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Case c) {
        jdbc.sql("""
                insert into cases (id, title, teaser, ags, owner_organisation, topics, status, created_by, created_at,
                                   updated_at, submitted_at, published_at, version)
                values (:id, :title, :teaser, :ags, :owner, :topics, :status, :createdBy, :createdAt, :updatedAt,
                        :submittedAt, :publishedAt, :version)""")
                .param("id", c.id())
                .param("title", c.title())
                .param("teaser", c.teaser())
                .param("ags", c.ags())
                .param("owner", c.ownerOrganisation())
                .param("topics", textArray(c.topics()))
                .param("status", c.status().name())
                .param("createdBy", c.createdBy())
                .param("createdAt", timestamp(c.createdAt()))
                .param("updatedAt", timestamp(c.updatedAt()))
                .param("submittedAt", timestamp(c.submittedAt()))
                .param("publishedAt", timestamp(c.publishedAt()))
                .param("version", c.version())
                .update();
    }

    /**
     * Writes the changed case if its version is still the stored one and returns it with the incremented version.
     *
     * @throws OptimisticLockingFailureException if somebody else changed it in the meantime
     */
    public Case update(Case c) {
        int updated = jdbc.sql("""
                update cases set title = :title, teaser = :teaser, topics = :topics, status = :status,
                                 updated_at = :updatedAt, submitted_at = :submittedAt, published_at = :publishedAt,
                                 version = version + 1
                where id = :id and version = :version""")
                .param("id", c.id())
                .param("title", c.title())
                .param("teaser", c.teaser())
                .param("topics", textArray(c.topics()))
                .param("status", c.status().name())
                .param("updatedAt", timestamp(c.updatedAt()))
                .param("submittedAt", timestamp(c.submittedAt()))
                .param("publishedAt", timestamp(c.publishedAt()))
                .param("version", c.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Case " + c.id() + " version " + c.version() + " is stale");
        }
        return new Case(c.id(), c.title(), c.teaser(), c.ags(), c.ownerOrganisation(), c.topics(), c.status(),
                c.createdBy(), c.createdAt(), c.updatedAt(), c.submittedAt(), c.publishedAt(), c.version() + 1);
    }

    public Optional<Case> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cases where id = :id")
                .param("id", id)
                .query(CaseRepository::map)
                .optional();
    }

    public CasePage find(CaseQuery query, CaseAccess.Visibility visibility) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!visibility.all()) {
            if (visibility.ownOrganisation() != null) {
                where.append(" and (status = 'PUBLISHED' or owner_organisation = :org)");
                params.put("org", visibility.ownOrganisation());
            } else {
                where.append(" and status = 'PUBLISHED'");
            }
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.topic() != null) {
            where.append(" and :topic = any(topics)");
            params.put("topic", query.topic());
        }
        long total = jdbc.sql("select count(*) from cases" + where).params(params).query(Long.class).single();
        List<Case> items = jdbc.sql("select " + COLUMNS + " from cases" + where
                + " order by published_at desc nulls last, updated_at desc, id limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(CaseRepository::map)
                .list();
        return new CasePage(items, query.page(), query.size(), total);
    }

    /** Records a workflow change of {@code c} (its state after the change) by {@code actor}. */
    public void recordHistory(Case c, String action, CaseStatus fromStatus, String actor, String comment) {
        jdbc.sql("""
                insert into case_history (case_id, action, from_status, to_status, actor, occurred_at, comment)
                values (:caseId, :action, :from, :to, :actor, :at, :comment)""")
                .param("caseId", c.id())
                .param("action", action)
                .param("from", fromStatus == null ? null : fromStatus.name())
                .param("to", c.status().name())
                .param("actor", actor)
                .param("at", timestamp(c.updatedAt()))
                .param("comment", comment)
                .update();
    }

    public List<HistoryEntry> history(UUID caseId) {
        return jdbc.sql("""
                select action, from_status, to_status, actor, occurred_at, comment from case_history
                where case_id = :id order by id""")
                .param("id", caseId)
                .query((rs, n) -> new HistoryEntry(rs.getString("action"),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        instant(rs, "occurred_at"), rs.getString("comment")))
                .list();
    }

    /** One recorded workflow change. */
    public record HistoryEntry(String action, CaseStatus fromStatus, CaseStatus toStatus, String actor,
            Instant occurredAt, String comment) {}

    private static Case map(ResultSet rs, int row) throws SQLException {
        return new Case(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("teaser"),
                rs.getString("ags"),
                rs.getString("owner_organisation"),
                List.of((String[]) rs.getArray("topics").getArray()),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "published_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static SqlArrayValue textArray(List<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }
}
