package de.stadtretter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.SQLException;
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
 * The standing guard against bad input, for every HTTP endpoint of a service, implemented by a test class of the
 * service's {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} context (Spring passes the context in): the endpoints are read from the
 * service's own request mappings (its controllers and the actuator), so a new endpoint is covered without editing
 * any test. Each one gets the {@link BadInputCorpus} without a token, with a token the service does not trust, and
 * with each of {@link #validTokens()}, against the real server, and judged by {@link BadInputVerdict}: never a
 * 5xx, errors are problem+json (or an HTML page where the endpoint renders pages), nothing internal is revealed,
 * and nothing was written — the row count of every table of the service's database (the outbox included) is
 * unchanged for every refused request and for every GET or HEAD.
 */
public interface BadInputGuardContract {

    /** Valid tokens to send the corpus with, e.g. one per role that may use the service. */
    List<String> validTokens();

    /**
     * Valid example bodies by {@code "METHOD /path/{template}"}, so that each mutated field is the only thing wrong
     * and the request gets as far as it can (without one, a skeleton of the body's record is used).
     */
    default Map<String, String> exampleBodies() {
        return Map.of();
    }

    /** Values for path variables (e.g. {@code id} of an existing resource), so that requests reach the handler. */
    default Map<String, String> pathValues() {
        return Map.of();
    }

    @TestFactory
    default Stream<DynamicTest> everyEndpointSurvivesBadInput(ApplicationContext applicationContext) {
        int port = applicationContext.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        Map<String, String> pathValues = pathValues();
        Map<String, String> bodies = exampleBodies();
        List<BadInputCorpus.Endpoint> endpoints = endpoints(applicationContext).stream()
                .map(e -> e.withExamples(bodies.get(e.method() + " " + e.pathTemplate()), pathValues)).toList();
        assertThat(endpoints).as("endpoints found in the request mappings").isNotEmpty();
        DataSource dataSource = applicationContext.getBean(DataSource.class);
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No connection to the service's database", e);
        }
        BadInputVerdict verdict = new BadInputVerdict(RawHttp.localhost(port), List.of(connection), List.of());
        List<String> tokens = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("anonymous", "untrusted token"));
        tokens.add(null);
        tokens.add(TestTokens.foreignToken("mallory", "admin"));
        tokens.addAll(validTokens());
        for (int i = 1; i <= validTokens().size(); i++) {
            names.add("token " + i);
        }
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () ->
                assertThat(verdict.failures(endpoint, tokens, names))
                        .as("bad requests to %s that got a wrong answer", endpoint).isEmpty()))
                .onClose(() -> {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // the pool takes it back or drops it
                    }
                });
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
