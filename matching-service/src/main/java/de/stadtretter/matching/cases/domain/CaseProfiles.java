package de.stadtretter.matching.cases.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.matching.cases.events.CasePublished;

/** What matching knows of each published case (table {@code case_profile}). */
@Repository
public class CaseProfiles {

    public record CaseProfile(UUID caseId, String ags, String stateCode, List<String> topics) {}

    private final JdbcClient jdbc;

    CaseProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or refreshes the profile of a published case. */
    public void record(CasePublished event) {
        jdbc.sql("""
                insert into case_profile (case_id, ags, state_code, topics, published_at)
                values (:id, :ags, :state, :topics, :at)
                on conflict (case_id) do update set ags = excluded.ags, state_code = excluded.state_code,
                    topics = excluded.topics, published_at = excluded.published_at, updated_at = now()""")
                .param("id", event.caseId())
                .param("ags", event.ags())
                .param("state", event.stateCode())
                .param("topics", event.topics().toArray(String[]::new))
                .param("at", Timestamp.from(event.publishedAt()))
                .update();
    }

    /** The case was archived: it is matched no more. */
    public void forget(UUID caseId) {
        jdbc.sql("delete from case_profile where case_id = :id").param("id", caseId).update();
    }

    public Optional<CaseProfile> find(UUID caseId) {
        return jdbc.sql("select case_id, ags, state_code, topics from case_profile where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new CaseProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray())))
                .optional();
    }

    /** How many published cases a municipality has, and on which topics. */
    public record TownCases(int count, List<String> topics) {}

    /** The published cases per municipality (AGS → count and topics). */
    public Map<String, TownCases> perMunicipality() {
        return towns(null);
    }

    /** The published cases of one municipality; none if it has none. */
    public Optional<TownCases> ofMunicipality(String ags) {
        return Optional.ofNullable(towns(ags).get(ags));
    }

    private Map<String, TownCases> towns(String ags) {
        Map<String, TownCases> towns = new HashMap<>();
        jdbc.sql("""
                select ags, count(*) as cases, array(select distinct t from case_profile p2, unnest(p2.topics) t
                                                     where p2.ags = p.ags order by t) as topics
                from case_profile p where cast(:ags as text) is null or ags = :ags group by ags""")
                .param("ags", ags)
                .query((ResultSet rs) -> {
                    Array topics = rs.getArray("topics");
                    towns.put(rs.getString("ags").trim(), new TownCases(rs.getInt("cases"),
                            topics == null ? List.of() : List.of((String[]) topics.getArray())));
                });
        return towns;
    }
}
