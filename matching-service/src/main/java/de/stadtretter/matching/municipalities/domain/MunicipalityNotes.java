package de.stadtretter.matching.municipalities.domain;

import static de.stadtretter.kit.jdbc.SqlValues.instant;
import static de.stadtretter.kit.jdbc.SqlValues.strings;
import static de.stadtretter.kit.jdbc.SqlValues.textArray;
import static de.stadtretter.kit.jdbc.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code municipality_note}: what Kommunen say about themselves. */
@Repository
public class MunicipalityNotes {

    /** A Kommune's own note: focus topics and a short self-description. */
    public record Note(String ags, List<String> focusTopics, String selfDescription, long version, Instant updatedAt) {}

    private final JdbcClient jdbc;

    MunicipalityNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Note> find(String ags) {
        return jdbc.sql("select ags, focus_topics, self_description, version, updated_at from municipality_note "
                + "where ags = :ags").param("ags", ags).query(MunicipalityNotes::note).optional();
    }

    public Map<String, Note> all() {
        Map<String, Note> notes = new HashMap<>();
        jdbc.sql("select ags, focus_topics, self_description, version, updated_at from municipality_note")
                .query(MunicipalityNotes::note).list().forEach(n -> notes.put(n.ags(), n));
        return notes;
    }

    /**
     * Writes the note if {@code expectedVersion} is the stored one (or there is none yet and it is 0 or null).
     *
     * @throws OptimisticLockingFailureException if somebody else changed it in the meantime
     */
    public Note save(String ags, List<String> focusTopics, String selfDescription, Long expectedVersion,
            String actor, Instant at) {
        int written = jdbc.sql("""
                insert into municipality_note (ags, focus_topics, self_description, version, updated_at, updated_by)
                values (:ags, :topics, :description, 0, :at, :actor)
                on conflict (ags) do update set focus_topics = excluded.focus_topics,
                    self_description = excluded.self_description, version = municipality_note.version + 1,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                where cast(:expected as bigint) is null or municipality_note.version = cast(:expected as bigint)""")
                .param("ags", ags).param("topics", textArray(focusTopics)).param("description", selfDescription)
                .param("at", timestamp(at)).param("actor", actor).param("expected", expectedVersion)
                .update();
        if (written != 1) {
            throw new OptimisticLockingFailureException("The note of " + ags + " is not at version " + expectedVersion);
        }
        return find(ags).orElseThrow();
    }

    private static Note note(ResultSet rs, int row) throws SQLException {
        return new Note(rs.getString("ags").trim(), strings(rs, "focus_topics"), rs.getString("self_description"),
                rs.getLong("version"), instant(rs, "updated_at"));
    }
}
