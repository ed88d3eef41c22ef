package de.stadtretter.e2e.support;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Small JSON helpers on plain maps and lists. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static Map<String, Object> object(String json) {
        return MAPPER.readValue(json, new TypeReference<>() {
        });
    }

    public static List<Map<String, Object>> array(String json) {
        return MAPPER.readValue(json, new TypeReference<>() {
        });
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The claims of a JWT (payload only; the signature is the services' business). */
    public static Map<String, Object> jwtClaims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return object(new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8));
    }
}
