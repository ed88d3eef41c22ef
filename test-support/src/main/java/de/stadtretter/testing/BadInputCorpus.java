package de.stadtretter.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests a careless user or an attacker sends to one endpoint: malformed and wrongly typed JSON, NUL,
 * control and bidi characters, lone surrogates, invalid UTF-8 in path, query and body, oversized bodies (announced
 * and chunked), wrong content types and Accept headers, unknown ids and huge paging values. Built from what the
 * endpoint declares (path variables, query parameters, the request body's record type), so a new endpoint is
 * covered without writing anything.
 */
public final class BadInputCorpus {

    /**
     * What the corpus needs to know about an endpoint. Query parameters map to their Java type. Optionally a valid
     * example body and values for path variables (an existing id), so that each mutation is the only thing wrong
     * with a request and reaches as deep as it can.
     */
    public record Endpoint(String method, String pathTemplate, Map<String, Class<?>> queryParameters,
            Type bodyType, boolean rendersHtml, String exampleBody, Map<String, String> pathValues) {

        public Endpoint(String method, String pathTemplate, Map<String, Class<?>> queryParameters, Type bodyType,
                boolean rendersHtml) {
            this(method, pathTemplate, queryParameters, bodyType, rendersHtml, null, Map.of());
        }

        public Endpoint withExamples(String body, Map<String, String> values) {
            return new Endpoint(method, pathTemplate, queryParameters, bodyType, rendersHtml,
                    body != null ? body : exampleBody, values);
        }

        @Override
        public String toString() {
            return method + " " + pathTemplate;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final int OVERSIZED = 2 * 1024 * 1024;

    private static final List<String> BAD_QUERY_VALUES = List.of("%FF", "%C0%AF", "%E2%82", "%00", "a%00b", "%0A",
            "%E2%80%AE", "%ED%A0%80", "%", "%zz", "abc", "-1", "99999999999999999999", "2147483648", "");
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%FF", "%00", "%0A", "..%2f..%2factuator",
            "..%2F..%2Factuator%2Fenv", "%2e%2e", "%E2%82", "a".repeat(5000));

    private BadInputCorpus() {
    }

    public static List<RawHttp.Request> requests(Endpoint endpoint) {
        List<RawHttp.Request> out = new ArrayList<>();
        String path = fillPath(endpoint.pathTemplate(), null, endpoint.pathValues());
        String target = path;
        boolean hasBody = endpoint.bodyType() != null;
        String skeleton = !hasBody ? null
                : endpoint.exampleBody() != null ? endpoint.exampleBody() : skeletonJson(endpoint.bodyType());

        // unknown ids and malformed path segments
        if (VARIABLE.matcher(endpoint.pathTemplate()).find()) {
            for (String bad : BAD_PATH_VALUES) {
                out.add(withBody(endpoint, fillPath(endpoint.pathTemplate(), bad, Map.of()), skeleton));
            }
        }
        // query strings: every declared parameter, an unknown one, huge paging values
        List<String> names = new ArrayList<>(endpoint.queryParameters().keySet());
        names.add("unknown");
        for (String name : names) {
            for (String bad : BAD_QUERY_VALUES) {
                out.add(withBody(endpoint, path + "?" + name + "=" + bad, skeleton));
            }
        }
        out.add(withBody(endpoint, path + "?%FF=1", skeleton));
        out.add(withBody(endpoint, path + "?page=2147483647&size=2147483647", skeleton));
        out.add(withBody(endpoint, path + "?page=99999999999&size=-5", skeleton));
        // Accept headers that rule out what the endpoint answers with
        out.add(withBody(endpoint, target, skeleton).header("Accept", "application/xml"));
        out.add(withBody(endpoint, target, skeleton).header("Accept", endpoint.rendersHtml() ? "image/png" : "text/csv"));
        out.add(withBody(endpoint, target, skeleton).header("Accept", ";;;"));
        // bodies sent to any method: oversized, announced and chunked
        byte[] huge = ("{\"x\":\"" + "a".repeat(OVERSIZED) + "\"}").getBytes(StandardCharsets.UTF_8);
        out.add(new RawHttp.Request(endpoint.method(), target).body("application/json", huge));
        out.add(new RawHttp.Request(endpoint.method(), target).body("application/json", huge).chunked());
        if (!hasBody) {
            out.add(new RawHttp.Request(endpoint.method(), target).json("{\"x\": \"a\u0000b\"}"));
            return out;
        }
        // malformed JSON
        for (String body : List.of("", "{", "[]", "\"text\"", "null", "123", "{}", skeleton + "}{", skeleton + " trailing",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":" .repeat(3000) + "1" + "}".repeat(3000))) {
            out.add(new RawHttp.Request(endpoint.method(), target).json(body));
        }
        out.add(new RawHttp.Request(endpoint.method(), target).body("application/json",
                new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        out.add(new RawHttp.Request(endpoint.method(), target).body("application/json; charset=UTF-16",
                skeleton.getBytes(StandardCharsets.UTF_8)));
        // wrong content types
        out.add(new RawHttp.Request(endpoint.method(), target).body("text/plain", skeleton.getBytes(StandardCharsets.UTF_8)));
        out.add(new RawHttp.Request(endpoint.method(), target).body("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        out.add(new RawHttp.Request(endpoint.method(), target).body("application/x-www-form-urlencoded",
                "title=%FF%00".getBytes(StandardCharsets.UTF_8)));
        out.add(new RawHttp.Request(endpoint.method(), target).body("garbage", skeleton.getBytes(StandardCharsets.UTF_8)));
        out.add(new RawHttp.Request(endpoint.method(), target).body(null, skeleton.getBytes(StandardCharsets.UTF_8)));
        // every field of the body: wrong types and hostile text
        for (String field : fieldsOf(endpoint.bodyType(), skeleton)) {
            for (String value : List.of("123", "1.5", "true", "\"0\"", "{}", "[]", "[1]", "null", "1e400",
                    "99999999999999999999999", "\"a\\u0000b\"", "\"\\u0007bell\"", "\"line\\nbreak\"",
                    "\"\\u202Eevil\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u200B\\u00A0\\u2060\"", "[\"\\u0000\"]",
                    "[\"a\", \"a\"]", "\"" + "x".repeat(100_000) + "\"")) {
                out.add(new RawHttp.Request(endpoint.method(), target).json(replaceField(skeleton, field, value)));
            }
        }
        return out;
    }

    private static RawHttp.Request withBody(Endpoint endpoint, String target, String skeleton) {
        RawHttp.Request request = new RawHttp.Request(endpoint.method(), target);
        return skeleton == null ? request : request.json(skeleton);
    }

    private static String fillPath(String template, String value, Map<String, String> known) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String filled = value != null ? value
                    : known.getOrDefault(m.group(1), UUID.randomUUID().toString());
            m.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/x").replace("*", "x");
    }

    /** A JSON object with every component of {@code type} set to a plausible value of the right type. */
    static String skeletonJson(Type type) {
        return json(skeleton(type, 0));
    }

    private static Object skeleton(Type type, int depth) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return "Beispiel";
        }
        if (raw == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Boolean.TRUE;
        }
        if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != void.class)) {
            return 1;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0].toString();
        }
        if (Temporal.class.isAssignableFrom(raw)) {
            return "2026-01-01T00:00:00Z";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            return List.of(skeleton(element, depth + 1));
        }
        if (Map.class.isAssignableFrom(raw) || depth > 3) {
            return Map.of();
        }
        Map<String, Object> object = new LinkedHashMap<>();
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                object.put(jsonName(c), skeleton(c.getGenericType(), depth + 1));
            }
        }
        return object;
    }

    private static List<String> fieldsOf(Type type, String skeleton) {
        Class<?> raw = rawClass(type);
        List<String> names = new ArrayList<>();
        if (!raw.isRecord()) {
            Matcher keys = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:").matcher(skeleton);
            while (keys.find()) {
                names.add(keys.group(1));
            }
            return names;
        }
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                names.add(jsonName(c));
            }
        }
        return names;
    }

    private static String jsonName(RecordComponent c) {
        for (var annotation : c.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("JsonProperty")) {
                try {
                    String value = (String) annotation.annotationType().getMethod("value").invoke(annotation);
                    if (!value.isEmpty()) {
                        return value;
                    }
                } catch (ReflectiveOperationException ignored) {
                    // fall back to the component name
                }
            }
        }
        return c.getName();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String replaceField(String skeletonJson, String field, String rawValue) {
        // the skeleton is flat at the top level and written by json() below: "field": <value>, in order
        String key = "\"" + field + "\":";
        int start = skeletonJson.indexOf(key);
        if (start < 0) {
            return skeletonJson;
        }
        int valueStart = start + key.length();
        int valueEnd = endOfValue(skeletonJson, valueStart);
        return skeletonJson.substring(0, valueStart) + rawValue + skeletonJson.substring(valueEnd);
    }

    private static int endOfValue(String s, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String json(Object value) {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(json(e.getKey().toString())).append(':').append(json(e.getValue()));
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object o : list) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(json(o));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
