package de.stadtretter.partner.profiles.domain;

import static de.stadtretter.kit.jdbc.SqlValues.instant;
import static de.stadtretter.kit.jdbc.SqlValues.strings;
import static de.stadtretter.kit.jdbc.SqlValues.textArray;
import static de.stadtretter.kit.jdbc.SqlValues.timestamp;
import static de.stadtretter.kit.jdbc.SqlValues.uuidArray;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores profiles, offerings and their history in the tables {@code partner}, {@code offering} and
 * {@code partner_history}; deletions leave a tombstone in {@code partner_removed} for the directory indexes.
 */
@Repository
public class PartnerRepository {

    private static final String COLUMNS = """
            id, status, name, legal_form, description, website, logo_url, topics, regions, size, contact_name,
            contact_email, contact_phone, review_comment, demo, version, created_at, updated_at, verified_at""";

    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select count(*) from partner where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public void insert(Partner p) {
        jdbc.sql("""
                insert into partner (id, status, name, legal_form, description, website, logo_url, topics, regions,
                    size, contact_name, contact_email, contact_phone, review_comment, demo, version, created_at,
                    updated_at, verified_at)
                values (:id, :status, :name, :legalForm, :description, :website, :logoUrl, :topics, :regions, :size,
                    :contactName, :contactEmail, :contactPhone, :reviewComment, :demo, 0, :createdAt, :updatedAt,
                    :verifiedAt)""")
                .params(profileParams(p.profile()))
                .param("id", p.id())
                .param("status", p.status().name())
                .param("reviewComment", p.reviewComment())
                .param("demo", p.demo())
                .param("createdAt", timestamp(p.createdAt()))
                .param("updatedAt", timestamp(p.updatedAt()))
                .param("verifiedAt", timestamp(p.verifiedAt()))
                .update();
    }

    /**
     * Writes profile, status, review comment and times if the version is still {@code p.version()}, and returns the
     * profile with the next version.
     *
     * @throws OptimisticLockingFailureException if somebody else changed it in the meantime
     */
    public Partner update(Partner p) {
        int updated = jdbc.sql("""
                update partner set status = :status, name = :name, legal_form = :legalForm,
                    description = :description, website = :website, logo_url = :logoUrl, topics = :topics,
                    regions = :regions, size = :size, contact_name = :contactName, contact_email = :contactEmail,
                    contact_phone = :contactPhone, review_comment = :reviewComment, updated_at = :updatedAt,
                    verified_at = :verifiedAt, version = version + 1, changed_at = clock_timestamp()
                where id = :id and version = :version""")
                .params(profileParams(p.profile()))
                .param("id", p.id())
                .param("status", p.status().name())
                .param("reviewComment", p.reviewComment())
                .param("updatedAt", timestamp(p.updatedAt()))
                .param("verifiedAt", timestamp(p.verifiedAt()))
                .param("version", p.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Partner " + p.id() + " version " + p.version() + " is stale");
        }
        return new Partner(p.id(), p.status(), p.profile(), p.offerings(), p.reviewComment(), p.demo(),
                p.version() + 1, p.createdAt(), p.updatedAt(), p.verifiedAt());
    }

    /** Something the directory shows changed besides the profile itself (offerings, references): a new version. */
    public void touch(UUID id, Instant at) {
        jdbc.sql("""
                update partner set version = version + 1, updated_at = :at, changed_at = clock_timestamp()
                where id = :id""").param("id", id).param("at", timestamp(at)).update();
    }

    /** Marks every partner with a reference to {@code caseId} changed (the case's title or state changed). */
    public void touchReferencing(UUID caseId) {
        jdbc.sql("""
                update partner set changed_at = clock_timestamp()
                where id in (select partner_id from partner_reference where case_id = :caseId)""")
                .param("caseId", caseId).update();
    }

    /** Deletes the profile with everything that belongs to it and leaves a tombstone for the directory indexes. */
    public void delete(UUID id) {
        jdbc.sql("delete from partner where id = :id").param("id", id).update();
        jdbc.sql("insert into partner_removed (partner_id) values (:id) on conflict (partner_id) do update "
                + "set removed_at = clock_timestamp()").param("id", id).update();
    }

    public Optional<Partner> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from partner where id = :id").param("id", id)
                .query(PartnerRepository::partner).optional()
                .map(p -> p.withOfferings(offerings(id)));
    }

    /** Profiles in one status (the Redaktion's queue: oldest first), with their offerings. */
    public List<Partner> list(PartnerStatus status, int page, int size) {
        List<Partner> partners = jdbc.sql("select " + COLUMNS + " from partner"
                        + (status == null ? "" : " where status = :status")
                        + " order by created_at, id limit :limit offset :offset")
                .params(status == null ? Map.of() : Map.of("status", status.name()))
                .param("limit", size).param("offset", (long) page * size)
                .query(PartnerRepository::partner).list();
        return withOfferings(partners);
    }

    public long count(PartnerStatus status) {
        return jdbc.sql("select count(*) from partner" + (status == null ? "" : " where status = :status"))
                .params(status == null ? Map.of() : Map.of("status", status.name()))
                .query(Long.class).single();
    }

    /** Every verified profile changed after {@code since} (all of them for {@code null}), with offerings. */
    public void forEachVerified(Instant since, Consumer<Partner> each) {
        List<Partner> batch = new ArrayList<>();
        jdbc.sql("select " + COLUMNS + " from partner where status = 'VERIFIED'"
                        + (since == null ? "" : " and changed_at > :since") + " order by id")
                .params(since == null ? Map.of() : Map.of("since", timestamp(since)))
                .query((ResultSet rs) -> {
                    batch.add(partner(rs, 0));
                    if (batch.size() == 500) {
                        withOfferings(batch).forEach(each);
                        batch.clear();
                    }
                });
        withOfferings(batch).forEach(each);
    }

    /**
     * Profiles that changed after {@code since} (in any status) and deleted ones, each with the time of its last
     * change (or its deletion).
     */
    public Map<UUID, Instant> changedSince(Instant since) {
        Map<UUID, Instant> changed = new HashMap<>();
        jdbc.sql("""
                select id, changed_at from partner where changed_at > :since
                union all select partner_id, removed_at from partner_removed where removed_at > :since""")
                .param("since", timestamp(since))
                .query((ResultSet rs) -> {
                    changed.merge(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            (a, b) -> a.isAfter(b) ? a : b);
                });
        return changed;
    }

    /** The database's clock, the one {@code changed_at} is written with. */
    public Instant databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    // offerings

    public void insertOffering(UUID partnerId, Offering o, Instant at) {
        jdbc.sql("""
                insert into offering (id, partner_id, title, description, topics, regions, price_model, created_at)
                values (:id, :partnerId, :title, :description, :topics, :regions, :priceModel, :at)""")
                .param("id", o.id()).param("partnerId", partnerId).param("title", o.title())
                .param("description", o.description()).param("topics", textArray(o.topics()))
                .param("regions", textArray(o.regions())).param("priceModel", o.priceModel())
                .param("at", timestamp(at)).update();
    }

    public boolean updateOffering(UUID partnerId, Offering o) {
        return jdbc.sql("""
                update offering set title = :title, description = :description, topics = :topics,
                    regions = :regions, price_model = :priceModel
                where id = :id and partner_id = :partnerId""")
                .param("id", o.id()).param("partnerId", partnerId).param("title", o.title())
                .param("description", o.description()).param("topics", textArray(o.topics()))
                .param("regions", textArray(o.regions())).param("priceModel", o.priceModel())
                .update() == 1;
    }

    public boolean deleteOffering(UUID partnerId, UUID offeringId) {
        return jdbc.sql("delete from offering where id = :id and partner_id = :partnerId")
                .param("id", offeringId).param("partnerId", partnerId).update() == 1;
    }

    public int countOfferings(UUID partnerId) {
        return jdbc.sql("select count(*) from offering where partner_id = :id").param("id", partnerId)
                .query(Integer.class).single();
    }

    private List<Offering> offerings(UUID partnerId) {
        return jdbc.sql("select " + OFFERING_COLUMNS + " from offering where partner_id = :id order by created_at, id")
                .param("id", partnerId).query((rs, n) -> offering(rs)).list();
    }

    private static final String OFFERING_COLUMNS = "id, partner_id, title, description, topics, regions, price_model";

    private List<Partner> withOfferings(List<Partner> partners) {
        if (partners.isEmpty()) {
            return partners;
        }
        Map<UUID, List<Offering>> byPartner = new HashMap<>();
        jdbc.sql("select " + OFFERING_COLUMNS + " from offering where partner_id = any(:ids) order by created_at, id")
                .param("ids", uuidArray(partners.stream().map(Partner::id).toList()))
                .query((ResultSet rs) -> {
                    byPartner.computeIfAbsent(rs.getObject("partner_id", UUID.class), k -> new ArrayList<>())
                            .add(offering(rs));
                });
        return partners.stream().map(p -> p.withOfferings(byPartner.getOrDefault(p.id(), List.of()))).toList();
    }

    // history

    public record HistoryEntry(String action, String actor, boolean onBehalf, Instant occurredAt, List<String> fields,
            String comment) {}

    public void recordHistory(UUID partnerId, String action, String actor, boolean onBehalf, Instant at,
            List<String> fields, String comment) {
        jdbc.sql("""
                insert into partner_history (partner_id, action, actor, on_behalf, occurred_at, fields, comment)
                values (:id, :action, :actor, :onBehalf, :at, :fields, :comment)""")
                .param("id", partnerId).param("action", action).param("actor", actor).param("onBehalf", onBehalf)
                .param("at", timestamp(at)).param("fields", textArray(fields)).param("comment", comment)
                .update();
    }

    public List<HistoryEntry> history(UUID partnerId) {
        return jdbc.sql("""
                select action, actor, on_behalf, occurred_at, fields, comment from partner_history
                where partner_id = :id order by id""")
                .param("id", partnerId)
                .query((rs, n) -> new HistoryEntry(rs.getString("action"), rs.getString("actor"),
                        rs.getBoolean("on_behalf"), instant(rs, "occurred_at"), strings(rs, "fields"),
                        rs.getString("comment")))
                .list();
    }

    private static Map<String, Object> profileParams(PartnerProfile p) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", p.name());
        params.put("legalForm", p.legalForm());
        params.put("description", p.description());
        params.put("website", p.website());
        params.put("logoUrl", p.logoUrl());
        params.put("topics", textArray(p.topics()));
        params.put("regions", textArray(p.regions()));
        params.put("size", p.size() == null ? null : p.size().name());
        params.put("contactName", p.contact().name());
        params.put("contactEmail", p.contact().email());
        params.put("contactPhone", p.contact().phone());
        return params;
    }

    private static Partner partner(ResultSet rs, int row) throws SQLException {
        String size = rs.getString("size");
        PartnerProfile profile = new PartnerProfile(rs.getString("name"), rs.getString("legal_form"),
                rs.getString("description"), rs.getString("website"), rs.getString("logo_url"),
                strings(rs, "topics"), strings(rs, "regions"), size == null ? null : CompanySize.valueOf(size),
                new PartnerProfile.Contact(rs.getString("contact_name"), rs.getString("contact_email"),
                        rs.getString("contact_phone")));
        return new Partner(rs.getObject("id", UUID.class), PartnerStatus.valueOf(rs.getString("status")), profile,
                List.of(), rs.getString("review_comment"), rs.getBoolean("demo"), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "verified_at"));
    }

    private static Offering offering(ResultSet rs) throws SQLException {
        return new Offering(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                strings(rs, "topics"), strings(rs, "regions"), rs.getString("price_model"));
    }
}
