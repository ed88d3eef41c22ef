package de.stadtretter.kit.web;

/**
 * Optimistic locking over HTTP: a resource's ETag is its version ({@code "3"}); a write may send it back in
 * {@code If-Match}. {@code *} matches any version; anything that is not one of our ETags cannot match (412).
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by an {@code If-Match} header, or {@code null} when there is none (or {@code *}). */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // falls through: not one of our ETags
            }
        }
        throw new PreconditionFailedException("If-Match names no version of this resource; reload it and try again.");
    }
}
