package de.stadtretter.e2e.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's case API through the gateway, for tests that need cases as a means, not as the subject. */
public final class Cases {

    public static final String CASES = "/api/catalog/cases";

    private Cases() {
    }

    /** A title no other test (or run) uses. */
    public static String newTitle(String purpose) {
        return "E2E " + purpose + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String body(String title, String ags, List<String> topics) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("teaser", "Ein Praxisbeispiel aus dem End-to-End-Test: " + title);
        body.put("ags", ags);
        body.put("topics", topics);
        return Json.write(body);
    }

    /** Creates a draft and returns its JSON; asserts 201. */
    public static Map<String, Object> create(String token, String title, String ags, List<String> topics) {
        HttpResponse<String> r = Endpoints.gateway().post(CASES, token, body(title, ags, topics));
        assertThat(r.statusCode()).as("create case: %s", r.body()).isEqualTo(201);
        return Json.object(r.body());
    }

    public static Map<String, Object> submit(String token, String id) {
        return step(token, id, "submit");
    }

    public static Map<String, Object> publish(String token, String id) {
        return step(token, id, "publish");
    }

    private static Map<String, Object> step(String token, String id, String step) {
        HttpResponse<String> r = Endpoints.gateway().post(CASES + "/" + id + "/" + step, token, "");
        assertThat(r.statusCode()).as("%s case %s: %s", step, id, r.body()).isEqualTo(200);
        return Json.object(r.body());
    }
}
