package de.stadtretter.kit.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.support.SqlArrayValue;

/** Conversions between Java values and PostgreSQL columns that every JdbcClient repository needs. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code text[]} parameter. */
    public static SqlArrayValue textArray(Collection<String> values) {
        return new SqlArrayValue("text", (values == null ? List.of() : values).toArray());
    }

    /** A {@code uuid[]} parameter. */
    public static SqlArrayValue uuidArray(Collection<?> values) {
        return new SqlArrayValue("uuid", values.toArray());
    }

    /** A {@code text[]} column as an unmodifiable list (empty for SQL null). */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
