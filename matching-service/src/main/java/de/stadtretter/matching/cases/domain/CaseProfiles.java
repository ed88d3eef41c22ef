package de.stadtretter.matching.cases.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.kit.jdbc.SqlValues;
import de.stadtretter.matching.cases.events.CasePublished;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What matching knows of each published case (table {@code case_profile}): topics and town for "towns like mine",
 * the public text by section for the recommendations. Archived cases leave a tombstone in
 * {@code recommendable_removed} so that every replica drops them from its recommendation index.
 */
@Repository
public class CaseProfiles {

    public record CaseProfile(UUID caseId, String ags, String stateCode, List<String> topics) {}

    private static final TypeReference<Map<CaseText.Section, String>> SECTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseProfiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts or refreshes the profile of a published case. */
    public void record(CasePublished event) {
        Map<CaseText.Section, String> sections = new EnumMap<>(CaseText.Section.class);
        put(sections, CaseText.Section.TEASER, event.teaser());
        put(sections, CaseText.Section.TAGS, String.join(", ", event.tags()));
        put(sections, CaseText.Section.PROBLEM, event.problem());
        put(sections, CaseText.Section.OBJECTIVES, event.objectives());
        put(sections, CaseText.Section.APPROACH, event.approach());
        put(sections, CaseText.Section.IMPLEMENTATION, event.implementation());
        put(sections, CaseText.Section.RESOURCES, event.resources());
        put(sections, CaseText.Section.RESULTS, event.results());
        put(sections, CaseText.Section.LESSONS, event.lessons());
        put(sections, CaseText.Section.TRANSFERABILITY, event.transferability());
        CasePublished.Municipality town = event.municipality();
        jdbc.sql("""
                insert into case_profile (case_id, ags, state_code, topics, published_at, title, municipality_name,
                                          population, town_type, sections)
                values (:id, :ags, :state, :topics, :at, :title, :town, :population, :type, cast(:sections as jsonb))
                on conflict (case_id) do update set ags = excluded.ags, state_code = excluded.state_code,
                    topics = excluded.topics, published_at = excluded.published_at, title = excluded.title,
                    municipality_name = excluded.municipality_name, population = excluded.population,
                    town_type = excluded.town_type, sections = excluded.sections, updated_at = now(),
                    changed_at = clock_timestamp()""")
                .param("id", event.caseId())
                .param("ags", event.ags())
                .param("state", event.stateCode())
                .param("topics", event.topics().toArray(String[]::new))
                .param("at", Timestamp.from(event.publishedAt()))
                .param("title", event.title())
                .param("town", town != null && town.name() != null ? town.name() : event.municipalityName())
                .param("population", town == null || town.population() == null ? null
                        : (int) Math.min(Integer.MAX_VALUE, town.population()))
                .param("type", town == null ? null : town.townType())
                .param("sections", json.writeValueAsString(sections))
                .update();
        jdbc.sql("delete from recommendable_removed where kind = 'CASE' and id = :id").param("id", event.caseId())
                .update();
    }

    private static void put(Map<CaseText.Section, String> sections, CaseText.Section section, String text) {
        if (text != null && !text.isBlank()) {
            sections.put(section, text.strip());
        }
    }

    /** The case was archived: it is matched no more. */
    public void forget(UUID caseId) {
        int deleted = jdbc.sql("delete from case_profile where case_id = :id").param("id", caseId).update();
        if (deleted > 0) {
            jdbc.sql("""
                    insert into recommendable_removed (kind, id) values ('CASE', :id)
                    on conflict (kind, id) do update set removed_at = clock_timestamp()""")
                    .param("id", caseId).update();
        }
    }

    public Optional<CaseProfile> find(UUID caseId) {
        return jdbc.sql("select case_id, ags, state_code, topics from case_profile where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new CaseProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray())))
                .optional();
    }

    /** A published case as a municipality's page lists it. */
    public record TownCase(UUID caseId, String title, List<String> topics, java.time.Instant publishedAt) {}

    /** The municipality's published cases, newest first. */
    public List<TownCase> ofTown(String ags, int limit) {
        return jdbc.sql("""
                select case_id, title, topics, published_at from case_profile where ags = :ags
                order by published_at desc, case_id limit :limit""")
                .param("ags", ags).param("limit", limit)
                .query((rs, n) -> new TownCase(rs.getObject(1, UUID.class), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static final String TEXT_COLUMNS = """
            select case_id, title, ags, municipality_name, state_code, population, town_type, topics, sections
            from case_profile""";

    /** Every published case with its text, one by one (for rebuilding the recommendation index). */
    public void forEachText(Consumer<CaseText> consumer) {
        jdbc.sql(TEXT_COLUMNS).query((ResultSet rs) -> {
            consumer.accept(text(rs));
        });
    }

    /** The texts of these cases (those still published). */
    public Map<UUID, CaseText> texts(Collection<UUID> ids) {
        Map<UUID, CaseText> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql(TEXT_COLUMNS + " where case_id = any(:ids)").param("ids", SqlValues.uuidArray(ids))
                .query((ResultSet rs) -> {
                    CaseText t = text(rs);
                    out.put(t.caseId(), t);
                });
        return out;
    }

    /** The cases changed or archived after {@code since} (database clock), with the time of the change. */
    public Map<UUID, Instant> changedSince(Instant since) {
        Map<UUID, Instant> changes = new HashMap<>();
        jdbc.sql("""
                select case_id, changed_at from case_profile where changed_at > :since
                union all select id, removed_at from recommendable_removed where kind = 'CASE' and removed_at > :since""")
                .param("since", Timestamp.from(since))
                .query((ResultSet rs) -> {
                    changes.merge(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            (a, b) -> a.isAfter(b) ? a : b);
                });
        return changes;
    }

    /** The database's clock, the one {@code changed_at} is written with. */
    public Instant databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    private CaseText text(ResultSet rs) throws SQLException {
        Map<CaseText.Section, String> sections = json.readValue(rs.getString("sections"), SECTIONS);
        Number population = (Number) rs.getObject("population");
        return new CaseText(rs.getObject("case_id", UUID.class), rs.getString("title"), rs.getString("ags").trim(),
                rs.getString("municipality_name"), trim(rs.getString("state_code")),
                population == null ? null : population.longValue(), rs.getString("town_type"),
                SqlValues.strings(rs, "topics"), sections);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
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
                from case_profile p""" + (ags == null ? "" : " where ags = :ags") + " group by ags")
                .params(ags == null ? Map.of() : Map.of("ags", ags))
                .query((ResultSet rs) -> {
                    Array topics = rs.getArray("topics");
                    towns.put(rs.getString("ags").trim(), new TownCases(rs.getInt("cases"),
                            topics == null ? List.of() : List.of((String[]) topics.getArray())));
                });
        return towns;
    }
}
