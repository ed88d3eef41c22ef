package de.stadtretter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The standing guard against bad input, for every HTTP endpoint of a service: the endpoints are read from the
 * service's own request mappings (its controllers and the actuator), so a new endpoint is covered without editing
 * any test. Each one gets the {@link BadInputCorpus} without a token, with a token the service does not trust, and
 * with each of {@link #validTokens()}, against the real server. For every answer: never a 5xx, errors are
 * problem+json (or an HTML page where the endpoint renders pages), nothing internal is revealed, and nothing was
 * written — the row count of every table of the service's database (the outbox included) is unchanged for every
 * refused request and for every GET or HEAD.
 */
public interface BadInputGuardContract {

    int port();

    ApplicationContext applicationContext();

    /** Valid tokens to send the corpus with, e.g. one per role that may use the service. */
    List<String> validTokens();

    @TestFactory
    default Stream<DynamicTest> everyEndpointSurvivesBadInput() {
        List<BadInputCorpus.Endpoint> endpoints = endpoints(applicationContext());
        assertThat(endpoints).as("endpoints found in the request mappings").isNotEmpty();
        DataSource dataSource = applicationContext().getBean(DataSource.class);
        RawHttp http = RawHttp.localhost(port());
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(TestTokens.foreignToken("mallory", "admin"));
        tokens.addAll(validTokens());
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            List<String> failures = new ArrayList<>();
            int sent = 0;
            for (RawHttp.Request base : BadInputCorpus.requests(endpoint)) {
                for (int t = 0; t < tokens.size(); t++) {
                    // the big bodies once per token kind is plenty; the rest with every token
                    RawHttp.Request request = copyWithToken(base, tokens.get(t));
                    String problem = check(http, dataSource, endpoint, request);
                    if (problem != null) {
                        // a background writer (a consumer, the relay) may have changed a table: ask once more
                        problem = check(http, dataSource, endpoint, copyWithToken(base, tokens.get(t)));
                    }
                    sent++;
                    if (problem != null) {
                        failures.add((t == 0 ? "[anonymous] " : t == 1 ? "[untrusted token] " : "[token " + (t - 1)
                                + "] ") + request + "\n    → " + problem);
                    }
                }
            }
            assertThat(failures).as("%d bad requests to %s, these got a wrong answer", sent, endpoint).isEmpty();
        }));
    }

    private static RawHttp.Request copyWithToken(RawHttp.Request base, String token) {
        return base.copy().bearer(token);
    }

    /** {@code null} if the answer is right, else what is wrong with it. */
    private static String check(RawHttp http, DataSource dataSource, BadInputCorpus.Endpoint endpoint,
            RawHttp.Request request) {
        Map<String, Long> before = rowCounts(dataSource);
        RawHttp.Response response = http.send(request);
        Map<String, Long> after = rowCounts(dataSource);
        int status = response.status();
        if (status >= 500) {
            return "server error: " + response;
        }
        boolean write = !request.method().equals("GET") && !request.method().equals("HEAD");
        if ((status >= 400 || !write) && !before.equals(after)) {
            return "changed data (" + diff(before, after) + "): " + response;
        }
        if (status >= 400) {
            String type = response.contentType();
            boolean page = endpoint.rendersHtml() && "text/html".equals(type);
            if (!"application/problem+json".equals(type) && !page) {
                return "not problem+json: " + response;
            }
            String body = response.bodyText();
            for (String leak : List.of("Exception", "\tat ", "127.0.0.1", "localhost:", "org.springframework",
                    "tools.jackson", "org.apache", "PSQLException", "SQL")) {
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

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String table : tables) {
            if (!java.util.Objects.equals(before.get(table), after.get(table))) {
                changed.add(table + " " + before.get(table) + "→" + after.get(table));
            }
        }
        return String.join(", ", changed);
    }

    /** Rows per table of the service's own schema (Flyway's history excluded). */
    static Map<String, Long> rowCounts(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count rows", e);
        }
    }

    /** Every endpoint of the service: its controllers' and the actuator's request mappings. */
    static List<BadInputCorpus.Endpoint> endpoints(ApplicationContext context) {
        List<BadInputCorpus.Endpoint> endpoints = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                HandlerMethod handler = e.getValue();
                if (handler.getBeanType().getSimpleName().equals("ProblemErrorController")) {
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.addAll(List.of("GET", "POST"));
                }
                if (methods.contains("GET")) {
                    methods.add("HEAD");
                }
                Map<String, Class<?>> query = new LinkedHashMap<>();
                Type body = null;
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    if (param != null) {
                        String name = !param.name().isEmpty() ? param.name() : param.value();
                        if (name.isEmpty()) {
                            parameter.initParameterNameDiscovery(
                                    new org.springframework.core.DefaultParameterNameDiscoverer());
                            name = parameter.getParameterName();
                        }
                        if (name != null) {
                            query.put(name, parameter.getParameterType());
                        }
                    }
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        body = parameter.getGenericParameterType();
                    }
                }
                boolean html = ModelAndView.class.isAssignableFrom(handler.getReturnType().getParameterType());
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        if (seen.add(method + " " + pattern)) {
                            endpoints.add(new BadInputCorpus.Endpoint(method, pattern, query,
                                    method.equals("GET") || method.equals("HEAD") ? null : body, html));
                        }
                    }
                }
            }
        }
        return endpoints;
    }
}
