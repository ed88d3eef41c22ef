package de.stadtretter.catalog.cases.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores cases and their history in the tables {@code cases} and {@code case_history}; the contact person, personal
 * data, in {@code case_contact}.
 */
@Repository
public class CaseRepository {

    private static final String COLUMNS = """
            c.id, c.title, c.teaser, c.ags, c.owner_organisation, c.topics, c.status, c.created_by, c.created_at,
            c.updated_at, c.submitted_at, c.published_at, c.version, c.tags, c.project_status, c.start_date,
            c.end_date, c.problem, c.objectives, c.approach, c.implementation, c.resources, c.results, c.lessons,
            c.transferability, c.budget_min_eur, c.budget_max_eur, c.funding_programmes, c.duration_months,
            c.indicators, c.actors, c.links, k.name as contact_name, k.role as contact_role,
            k.email as contact_email, k.phone as contact_phone, c.review_comment,
            (select count(*) from case_helpful h where h.case_id = c.id) as helpful_count""";

    private static final String FROM = " from cases c left join case_contact k on k.case_id = c.id";

    private static final String CONTENT_ASSIGNMENTS = """
            title = :title, teaser = :teaser, topics = :topics, tags = :tags, project_status = :projectStatus,
            start_date = :startDate, end_date = :endDate, problem = :problem, objectives = :objectives,
            approach = :approach, implementation = :implementation, resources = :resources, results = :results,
            lessons = :lessons, transferability = :transferability, budget_min_eur = :budgetMin,
            budget_max_eur = :budgetMax, funding_programmes = :funding, duration_months = :durationMonths,
            indicators = cast(:indicators as jsonb), actors = cast(:actors as jsonb),
            links = cast(:links as jsonb)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    public CaseRepository(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
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
        writeContent(c.id(), c.content());
    }

    /** Every content column and the contact of case {@code id}. */
    private void writeContent(UUID id, CaseContent content) {
        CaseContent.Sections s = content.sections();
        CaseContent.Budget budget = content.budget();
        jdbc.sql("update cases set " + CONTENT_ASSIGNMENTS + " where id = :id")
                .param("id", id)
                .param("title", content.title())
                .param("teaser", content.teaser())
                .param("topics", textArray(content.topics()))
                .param("tags", textArray(content.tags()))
                .param("projectStatus", content.projectStatus() == null ? null : content.projectStatus().name())
                .param("startDate", content.startDate())
                .param("endDate", content.endDate())
                .param("problem", s.problem())
                .param("objectives", s.objectives())
                .param("approach", s.approach())
                .param("implementation", s.implementation())
                .param("resources", s.resources())
                .param("results", s.results())
                .param("lessons", s.lessons())
                .param("transferability", s.transferability())
                .param("budgetMin", budget == null ? null : budget.minEur())
                .param("budgetMax", budget == null ? null : budget.maxEur())
                .param("funding", textArray(content.fundingProgrammes()))
                .param("durationMonths", content.durationMonths())
                .param("indicators", json.writeValueAsString(content.indicators()))
                .param("actors", content.actors() == null ? null : json.writeValueAsString(content.actors()))
                .param("links", json.writeValueAsString(content.links()))
                .update();
        jdbc.sql("delete from case_contact where case_id = :id").param("id", id).update();
        CaseContent.Contact contact = content.contact();
        if (contact != null) {
            jdbc.sql("insert into case_contact (case_id, name, role, email, phone) values (:id, :n, :r, :e, :p)")
                    .param("id", id).param("n", contact.name()).param("r", contact.role())
                    .param("e", contact.email()).param("p", contact.phone())
                    .update();
        }
    }

    /**
     * Writes a workflow step of the case (status, its times, the review comment; the content is left as stored) if
     * its version is still the stored one, and returns it with the incremented version.
     *
     * @throws OptimisticLockingFailureException if somebody else changed it in the meantime
     */
    public Case update(Case c) {
        int updated = jdbc.sql("""
                update cases set status = :status, updated_at = :updatedAt, submitted_at = :submittedAt,
                                 published_at = :publishedAt, review_comment = :reviewComment,
                                 version = version + 1
                where id = :id and version = :version""")
                .param("id", c.id())
                .param("reviewComment", c.reviewComment())
                .param("status", c.status().name())
                .param("updatedAt", timestamp(c.updatedAt()))
                .param("submittedAt", timestamp(c.submittedAt()))
                .param("publishedAt", timestamp(c.publishedAt()))
                .param("version", c.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Case " + c.id() + " version " + c.version() + " is stale");
        }
        return new Case(c.id(), c.ags(), c.ownerOrganisation(), c.content(), c.status(), c.createdBy(), c.createdAt(),
                c.updatedAt(), c.submittedAt(), c.publishedAt(), c.version() + 1, c.reviewComment(), c.helpfulCount());
    }

    /** As {@link #update}, and the content too: an edit. */
    public Case updateContent(Case c) {
        Case updated = update(c);
        writeContent(c.id(), c.content());
        return updated;
    }

    public Optional<Case> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public CasePage find(CaseQuery query, CaseAccess.Visibility visibility) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!visibility.all()) {
            if (visibility.ownOrganisation() != null) {
                where.append(" and (c.status = 'PUBLISHED' or c.owner_organisation = :org)");
                params.put("org", visibility.ownOrganisation());
            } else {
                where.append(" and c.status = 'PUBLISHED'");
            }
        }
        if (query.ownOnly()) {
            // an editor or a member without an organisation owns no case
            where.append(" and c.owner_organisation = :own");
            params.put("own", visibility.ownOrganisation() == null ? "" : visibility.ownOrganisation());
        }
        if (query.status() == CaseStatus.SUBMITTED) {
            // the Redaktion's queue: submitted cases and published cases with a submitted revision
            where.append(" and (c.status = 'SUBMITTED' or exists (select 1 from case_revision r"
                    + " where r.case_id = c.id and r.status = 'SUBMITTED'))");
        } else if (query.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", query.status().name());
        } else {
            where.append(" and c.status <> 'ARCHIVED'");
        }
        if (query.topic() != null) {
            where.append(" and :topic = any(c.topics)");
            params.put("topic", query.topic());
        }
        long total = jdbc.sql("select count(*) from cases c" + where).params(params).query(Long.class).single();
        List<Case> items = jdbc.sql("select " + COLUMNS + FROM + where
                + (query.status() == CaseStatus.SUBMITTED
                        ? " order by coalesce((select r.submitted_at from case_revision r where r.case_id = c.id"
                                + " and r.status = 'SUBMITTED'), c.submitted_at), c.id" // oldest first
                        : query.ownOnly() ? " order by c.updated_at desc, c.id" // the latest work first
                        : " order by c.published_at desc nulls last, c.updated_at desc, c.id")
                + " limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(this::map)
                .list();
        return new CasePage(items, query.page(), query.size(), total);
    }

    /**
     * Calls {@code action} for every published case, oldest publication first, reading from a server-side cursor
     * (so the whole catalogue is never in memory at once). Runs in a read-only transaction of its own.
     */
    public void forEachPublished(Consumer<Case> action) {
        transactions.executeWithoutResult(status -> jdbc.sql("select " + COLUMNS + FROM
                        + " where c.status = 'PUBLISHED' order by c.published_at, c.id")
                .withFetchSize(500)
                .query(this::map)
                .stream()
                .forEach(action));
    }

    /** The database's clock: the stamps of {@link #changedSince} are on it, whatever the replicas' clocks say. */
    public Instant databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    /** What the search index needs to know of a case changed at or after {@code since}. */
    public record Change(UUID id, CaseStatus status, long version, long helpfulCount) {}

    /** The cases changed (content, workflow or votes) at or after {@code since}, by the database clock. */
    public List<Change> changedSince(Instant since) {
        return jdbc.sql("""
                select c.id, c.status, c.version,
                       (select count(*) from case_helpful h where h.case_id = c.id) as helpful_count
                from cases c where c.search_changed_at >= :since order by c.search_changed_at""")
                .param("since", timestamp(since))
                .query((rs, n) -> new Change(rs.getObject("id", UUID.class), CaseStatus.valueOf(rs.getString("status")),
                        rs.getLong("version"), rs.getLong("helpful_count")))
                .list();
    }

    /** What a case response shows of a pending revision (owner and editors only). */
    public record RevisionSummary(CaseRevision.Status status, long version, Instant updatedAt, Instant submittedAt) {}

    /** The pending revisions of the cases {@code ids}, by case id. */
    public Map<UUID, RevisionSummary> revisionSummaries(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, RevisionSummary> out = new HashMap<>();
        jdbc.sql("""
                select case_id, status, version, updated_at, submitted_at from case_revision
                where case_id = any(:ids)""")
                .param("ids", new SqlArrayValue("uuid", ids.toArray()))
                .query((rs, n) -> out.put(rs.getObject("case_id", UUID.class), new RevisionSummary(
                        CaseRevision.Status.valueOf(rs.getString("status")), rs.getLong("version"),
                        instant(rs, "updated_at"), instant(rs, "submitted_at"))))
                .list();
        return out;
    }

    /** Marks case {@code caseId} helpful for {@code subject} (once; again is no change) and returns the count. */
    public long markHelpful(UUID caseId, String subject, Instant at) {
        jdbc.sql("""
                insert into case_helpful (case_id, subject, voted_at) values (:id, :subject, :at)
                on conflict do nothing""")
                .param("id", caseId).param("subject", subject).param("at", timestamp(at)).update();
        return helpfulCount(caseId);
    }

    public long unmarkHelpful(UUID caseId, String subject) {
        jdbc.sql("delete from case_helpful where case_id = :id and subject = :subject")
                .param("id", caseId).param("subject", subject).update();
        return helpfulCount(caseId);
    }

    public boolean isMarkedHelpful(UUID caseId, String subject) {
        return jdbc.sql("select count(*) from case_helpful where case_id = :id and subject = :subject")
                .param("id", caseId).param("subject", subject).query(Long.class).single() > 0;
    }

    private long helpfulCount(UUID caseId) {
        return jdbc.sql("select count(*) from case_helpful where case_id = :id").param("id", caseId)
                .query(Long.class).single();
    }

    /** Records a workflow change of {@code c} (its state after the change) by {@code actor}. */
    public void recordHistory(Case c, String action, CaseStatus fromStatus, String actor, String comment) {
        recordHistory(c, action, fromStatus, actor, comment, List.of(), c.updatedAt());
    }

    /** As above, with the fields the step changed and when it happened. */
    public void recordHistory(Case c, String action, CaseStatus fromStatus, String actor, String comment,
            List<String> changedFields, Instant at) {
        jdbc.sql("""
                insert into case_history (case_id, action, from_status, to_status, actor, occurred_at, comment,
                                          changed_fields)
                values (:caseId, :action, :from, :to, :actor, :at, :comment, :changed)""")
                .param("changed", textArray(changedFields))
                .param("caseId", c.id())
                .param("action", action)
                .param("from", fromStatus == null ? null : fromStatus.name())
                .param("to", c.status().name())
                .param("actor", actor)
                .param("at", timestamp(at))
                .param("comment", comment)
                .update();
    }

    public List<HistoryEntry> history(UUID caseId) {
        return jdbc.sql("""
                select action, from_status, to_status, actor, occurred_at, comment, changed_fields from case_history
                where case_id = :id order by id""")
                .param("id", caseId)
                .query((rs, n) -> new HistoryEntry(rs.getString("action"),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        instant(rs, "occurred_at"), rs.getString("comment"), strings(rs, "changed_fields")))
                .list();
    }

    /**
     * One recorded step: who did what when. {@code fromStatus} and {@code toStatus} are the case's status (a
     * revision's steps leave it PUBLISHED); {@code changedFields} names the fields an edit or a published revision
     * changed.
     */
    public record HistoryEntry(String action, CaseStatus fromStatus, CaseStatus toStatus, String actor,
            Instant occurredAt, String comment, List<String> changedFields) {}

    private Case map(ResultSet rs, int row) throws SQLException {
        String projectStatus = rs.getString("project_status");
        Long budgetMin = rs.getObject("budget_min_eur", Long.class);
        Long budgetMax = rs.getObject("budget_max_eur", Long.class);
        String actors = rs.getString("actors");
        CaseContent.Contact contact = rs.getString("contact_name") == null && rs.getString("contact_email") == null
                && rs.getString("contact_phone") == null && rs.getString("contact_role") == null ? null
                : new CaseContent.Contact(rs.getString("contact_name"), rs.getString("contact_role"),
                        rs.getString("contact_email"), rs.getString("contact_phone"));
        CaseContent content = new CaseContent(
                rs.getString("title"),
                rs.getString("teaser"),
                strings(rs, "topics"),
                strings(rs, "tags"),
                projectStatus == null ? null : ProjectStatus.valueOf(projectStatus),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                new CaseContent.Sections(rs.getString("problem"), rs.getString("objectives"),
                        rs.getString("approach"), rs.getString("implementation"), rs.getString("resources"),
                        rs.getString("results"), rs.getString("lessons"), rs.getString("transferability")),
                budgetMin == null && budgetMax == null ? null : new CaseContent.Budget(budgetMin, budgetMax),
                strings(rs, "funding_programmes"),
                rs.getObject("duration_months", Integer.class),
                json.readValue(rs.getString("indicators"), new TypeReference<List<CaseContent.Indicator>>() { }),
                actors == null ? null : json.readValue(actors, CaseContent.Actors.class),
                contact,
                json.readValue(rs.getString("links"), new TypeReference<List<CaseContent.Link>>() { }));
        return new Case(
                rs.getObject("id", UUID.class),
                rs.getString("ags"),
                rs.getString("owner_organisation"),
                content,
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "published_at"),
                rs.getLong("version"),
                rs.getString("review_comment"),
                rs.getLong("helpful_count"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
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
