package de.stadtretter.matching.needs.domain;

import static de.stadtretter.kit.jdbc.SqlValues.instant;
import static de.stadtretter.kit.jdbc.SqlValues.strings;
import static de.stadtretter.kit.jdbc.SqlValues.textArray;
import static de.stadtretter.kit.jdbc.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code need}. */
@Repository
public class NeedRepository {

    private static final String COLUMNS = """
            id, ags, title, description, topics, visibility, status, created_by, version, created_at, updated_at,
            closed_at""";

    private final JdbcClient jdbc;

    NeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Need n) {
        jdbc.sql("""
                insert into need (id, ags, title, description, topics, visibility, status, created_by, version,
                    created_at, updated_at)
                values (:id, :ags, :title, :description, :topics, :visibility, :status, :createdBy, 0, :at, :at)""")
                .param("id", n.id()).param("ags", n.ags()).param("title", n.title())
                .param("description", n.description()).param("topics", textArray(n.topics()))
                .param("visibility", n.visibility().name()).param("status", n.status().name())
                .param("createdBy", n.createdBy())
                .param("at", timestamp(n.createdAt())).update();
    }

    /**
     * Writes content, visibility and status if the version is still {@code n.version()}; returns the need with the
     * next version.
     */
    public Need update(Need n) {
        int updated = jdbc.sql("""
                update need set title = :title, description = :description, topics = :topics,
                    visibility = :visibility, status = :status, updated_at = :updatedAt, closed_at = :closedAt,
                    version = version + 1
                where id = :id and version = :version""")
                .param("id", n.id()).param("title", n.title()).param("description", n.description())
                .param("topics", textArray(n.topics())).param("visibility", n.visibility().name())
                .param("status", n.status().name()).param("updatedAt", timestamp(n.updatedAt()))
                .param("closedAt", timestamp(n.closedAt())).param("version", n.version()).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Need " + n.id() + " version " + n.version() + " is stale");
        }
        return find(n.id()).orElseThrow();
    }

    public Optional<Need> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from need where id = :id").param("id", id)
                .query(NeedRepository::need).optional();
    }

    /**
     * Needs matching the filters ({@code null}: any) that the caller may see: public ones, members' ones for members,
     * and every need of {@code ownAgs} ({@code all} for the Redaktion); newest first.
     */
    public List<Need> list(String ags, String topic, Need.Status status, boolean member, String ownAgs, boolean all,
            int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (ags != null) {
            where.append(" and ags = :ags");
            params.put("ags", ags);
        }
        if (topic != null) {
            where.append(" and :topic = any(topics)");
            params.put("topic", topic);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (!all) {
            where.append(" and (visibility = 'PUBLIC'").append(member ? " or visibility = 'MEMBERS'" : "")
                    .append(ownAgs != null ? " or ags = :own" : "").append(")");
            if (ownAgs != null) {
                params.put("own", ownAgs);
            }
        }
        return jdbc.sql("select " + COLUMNS + " from need" + where + " order by created_at desc, id"
                        + " limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(NeedRepository::need).list();
    }

    /**
     * The open needs a caller may be shown as other towns' needs: public ones, for members also the members' ones;
     * newest first, at most {@code limit}.
     */
    public List<Need> openShared(boolean member, int limit) {
        return jdbc.sql("select " + COLUMNS + " from need where status = 'OPEN' and (visibility = 'PUBLIC'"
                        + (member ? " or visibility = 'MEMBERS'" : "") + ") order by created_at desc, id limit :limit")
                .param("limit", limit).query(NeedRepository::need).list();
    }

    /** Every open need (for announcing matches), oldest first. */
    public List<Need> open() {
        return jdbc.sql("select " + COLUMNS + " from need where status = 'OPEN' order by created_at, id")
                .query(NeedRepository::need).list();
    }

    /** The topics of the open needs every municipality shows to members (PUBLIC and MEMBERS), by AGS. */
    public Map<String, List<String>> openTopicsPerMunicipality() {
        return openTopics(null);
    }

    /** The same for one municipality (empty if it has no such need). */
    public List<String> openTopicsOf(String ags) {
        return openTopics(ags).getOrDefault(ags, List.of());
    }

    private Map<String, List<String>> openTopics(String ags) {
        Map<String, List<String>> topics = new HashMap<>();
        jdbc.sql("""
                select ags, array(select distinct t from need n2, unnest(n2.topics) t
                                  where n2.ags = n.ags and n2.status = 'OPEN' and n2.visibility <> 'PRIVATE'
                                  order by t) as topics
                from need n where status = 'OPEN' and visibility <> 'PRIVATE'
                    and (cast(:ags as text) is null or ags = :ags)
                group by ags""")
                .param("ags", ags)
                .query((ResultSet rs) -> {
                    topics.put(rs.getString("ags").trim(), strings(rs, "topics"));
                });
        return topics;
    }

    private static Need need(ResultSet rs, int row) throws SQLException {
        return new Need(rs.getObject("id", UUID.class), rs.getString("ags").trim(), rs.getString("title"),
                rs.getString("description"), strings(rs, "topics"), Need.Visibility.valueOf(rs.getString("visibility")),
                Need.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "closed_at"));
    }
}
