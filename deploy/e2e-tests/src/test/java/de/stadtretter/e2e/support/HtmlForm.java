package de.stadtretter.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first {@code <form>} of an HTML page, read as a browser would submit it: method, action (resolved against the
 * page's URL), the named {@code <input>} fields with their values, and the text of its submit button.
 */
public record HtmlForm(String method, URI action, Map<String, String> fields, String button) {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>(.*?)</button>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** Parses the first form of {@code html}; fails if there is none. */
    public static HtmlForm first(String html, URI pageUrl) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("The page has no <form>: " + html);
        }
        String attrs = form.group(1);
        String method = attribute(attrs, "method");
        String action = attribute(attrs, "action");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            String name = attribute(input.group(1), "name");
            if (name != null) {
                String value = attribute(input.group(1), "value");
                fields.put(name, value == null ? "" : value);
            }
        }
        Matcher button = BUTTON.matcher(form.group(2));
        return new HtmlForm(method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT),
                action == null || action.isEmpty() ? pageUrl : pageUrl.resolve(action), fields,
                button.find() ? button.group(1).replaceAll("<[^>]+>", "").strip() : null);
    }

    /** The body a browser sends for this form ({@code application/x-www-form-urlencoded}). */
    public String urlEncoded() {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String attribute(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE)
                .matcher(attrs);
        if (!m.find()) {
            return null;
        }
        return unescape(m.group(2) != null ? m.group(2) : m.group(3));
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
