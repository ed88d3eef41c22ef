package de.stadtretter.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges the answer to one request of the {@link BadInputCorpus} (plain JDK and JDBC, so the end-to-end tests use
 * it as the services' tests do): never a 5xx; an error is problem+json (or an HTML page where the endpoint renders
 * pages) that reveals nothing internal; and no table's row count changed for a refused request, a GET or a HEAD.
 */
public final class BadInputVerdict {

    private static final List<String> LEAKS = List.of("Exception", "\tat ", "127.0.0.1", "localhost:",
            "org.springframework", "tools.jackson", "org.apache", "PSQLException", "SQL");

    private final RawHttp http;
    private final List<Connection> databases;
    private final List<String> requiredHeaders;

    /**
     * @param databases open connections to every database a request could write to (kept open by the caller,
     *        in auto-commit mode, so each count sees what is committed)
     * @param requiredHeaders headers every answer must carry (lower case), e.g. the gateway's security headers
     */
    public BadInputVerdict(RawHttp http, List<Connection> databases, List<String> requiredHeaders) {
        this.http = http;
        this.databases = databases;
        this.requiredHeaders = requiredHeaders;
    }

    /** {@code null} if the answer is right, else what is wrong with it; a suspicious change is checked twice. */
    public String judge(BadInputCorpus.Endpoint endpoint, RawHttp.Request request) {
        String verdict = judgeOnce(endpoint, request.copy());
        // a background writer (a consumer, the outbox relay) may have changed a table meanwhile: ask once more
        return verdict != null && verdict.startsWith("changed data") ? judgeOnce(endpoint, request.copy()) : verdict;
    }

    private String judgeOnce(BadInputCorpus.Endpoint endpoint, RawHttp.Request request) {
        Map<String, Long> before = rowCounts();
        RawHttp.Response response = http.send(request);
        Map<String, Long> after = rowCounts();
        int status = response.status();
        if (status >= 500) {
            return "server error: " + response;
        }
        boolean write = !request.method().equals("GET") && !request.method().equals("HEAD");
        if ((status >= 400 || !write) && !before.equals(after)) {
            return "changed data (" + diff(before, after) + "): " + response;
        }
        for (String header : requiredHeaders) {
            if (response.header(header) == null) {
                return "no " + header + " header: " + response;
            }
        }
        if (status >= 400) {
            String type = response.contentType();
            boolean page = endpoint.rendersHtml() && "text/html".equals(type);
            if (!"application/problem+json".equals(type) && !page) {
                return "not problem+json: " + response;
            }
            String body = response.bodyText();
            for (String leak : LEAKS) {
                if (body.contains(leak)) {
                    return "reveals internals (" + leak + "): " + response;
                }
            }
            String challenge = response.header("www-authenticate");
            if (challenge != null && (challenge.contains("resource_metadata") || challenge.contains("127.0.0.1")
                    || challenge.contains("Jwt"))) {
                return "WWW-Authenticate reveals internals: " + challenge;
            }
        }
        return null;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> all = new LinkedHashMap<>();
        for (Connection c : databases) {
            try {
                String prefix = databases.size() > 1 ? c.getCatalog() + "." : "";
                rowCounts(c).forEach((table, count) -> all.put(prefix + table, count));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count rows", e);
            }
        }
        return all;
    }

    /** Rows per table of the connection's schema (Flyway's history excluded). */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where "
                    + "table_schema = current_schema() and table_type = 'BASE TABLE' "
                    + "and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            if (tables.isEmpty()) {
                return counts;
            }
            String sql = "select " + String.join(", ", tables.stream()
                    .map(t -> "(select count(*) from \"" + t + "\")").toList());
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                for (int i = 0; i < tables.size(); i++) {
                    counts.put(tables.get(i), rs.getLong(i + 1));
                }
            }
            return counts;
        }
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String table : tables) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                changed.add(table + " " + before.get(table) + "→" + after.get(table));
            }
        }
        return String.join(", ", changed);
    }

    /** Runs every request of the corpus for {@code endpoint} with each token and lists the wrong answers. */
    public List<String> failures(BadInputCorpus.Endpoint endpoint, List<String> tokens, List<String> tokenNames) {
        List<String> failures = new ArrayList<>();
        for (RawHttp.Request base : BadInputCorpus.requests(endpoint)) {
            for (int t = 0; t < tokens.size(); t++) {
                RawHttp.Request request = base.copy().bearer(tokens.get(t));
                String problem = judge(endpoint, request);
                if (problem != null) {
                    failures.add("[" + tokenNames.get(t) + "] " + request + "\n    → " + problem);
                }
            }
        }
        return failures;
    }
}
