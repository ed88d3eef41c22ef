package de.stadtretter.partner.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.stadtretter.kit.jdbc.SqlValues;

/** The published cases partner-service knows of (table {@code published_case}). */
@Repository
public class PublishedCases {

    public record PublishedCase(UUID caseId, String title, String ags, List<String> topics, Instant publishedAt) {}

    private final JdbcClient jdbc;

    PublishedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or refreshes a case; a later publication of the same case replaces the earlier one. */
    public void record(UUID caseId, String title, String ags, List<String> topics, Instant publishedAt) {
        jdbc.sql("""
                insert into published_case (case_id, title, ags, topics, published_at)
                values (:id, :title, :ags, :topics, :at)
                on conflict (case_id) do update set title = excluded.title, ags = excluded.ags,
                    topics = excluded.topics, published_at = excluded.published_at, updated_at = now()""")
                .param("id", caseId)
                .param("title", title)
                .param("ags", ags)
                .param("topics", SqlValues.textArray(topics))
                .param("at", java.sql.Timestamp.from(publishedAt))
                .update();
    }

    /** The case was archived: it is no longer part of the public catalogue. */
    public void forget(UUID caseId) {
        jdbc.sql("delete from published_case where case_id = :id").param("id", caseId).update();
    }

    public Optional<PublishedCase> find(UUID caseId) {
        return jdbc.sql("select case_id, title, ags, topics, published_at from published_case where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new PublishedCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        SqlValues.strings(rs, "topics"), rs.getTimestamp(5).toInstant()))
                .optional();
    }
}
