package dev.livechat.adapter.http.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route path such as {@code /api/v1/livechat/visitor/:token}: literal segments compare case-sensitively with the raw
 * request path; a {@code :name} segment matches one non-empty segment, percent-decoded after splitting on {@code /}
 * (contract 7a).
 */
final class PathTemplate {

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final String[] segments; // null entry at a parameter position
    private final String[] paramNames; // null entry at a literal position

    private PathTemplate(String text, String[] segments, String[] paramNames) {
        this.text = text;
        this.segments = segments;
        this.paramNames = paramNames;
    }

    static PathTemplate parse(String text) {
        Objects.requireNonNull(text, "path");
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + text);
        }
        String[] parts = text.split("/", -1);
        String[] segments = new String[parts.length];
        String[] names = new String[parts.length];
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith(":")) {
                String name = part.substring(1);
                if (!PARAM_NAME.matcher(name).matches() || !seen.add(name)) {
                    throw new IllegalArgumentException("bad or repeated parameter '" + part + "' in " + text);
                }
                names[i] = name;
            } else {
                if (part.isEmpty() || part.indexOf('%') >= 0 || part.indexOf('?') >= 0) {
                    throw new IllegalArgumentException("bad literal segment '" + part + "' in " + text);
                }
                segments[i] = part;
            }
        }
        segments[0] = "";
        return new PathTemplate(text, segments, names);
    }

    /** The template as written. */
    String text() {
        return text;
    }

    /** The parameter names in path order. */
    List<String> paramNames() {
        List<String> names = new ArrayList<>();
        for (String n : paramNames) {
            if (n != null) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * Matches a raw request path.
     *
     * @return the decoded parameters (possibly empty), or null when the path does not match
     */
    Map<String, String> match(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        if (parts.length != segments.length || !parts[0].isEmpty()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 1; i < parts.length; i++) {
            if (paramNames[i] != null) {
                if (parts[i].isEmpty()) {
                    return null;
                }
            } else if (!segments[i].equals(parts[i])) {
                return null;
            }
        }
        for (int i = 1; i < parts.length; i++) {
            if (paramNames[i] != null) {
                if (params == null) {
                    params = new LinkedHashMap<>();
                }
                params.put(paramNames[i], UrlDecoding.decodePathSegment(parts[i]));
            }
        }
        return params == null ? Map.of() : Collections.unmodifiableMap(params);
    }

    /** Same segment count with literals and parameters at the same positions: two such templates are ambiguous. */
    String shape() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            sb.append('/').append(paramNames[i] != null ? ":" : segments[i]);
        }
        return sb.toString();
    }

    /** Orders more specific templates first: at the first differing position a literal beats a parameter. */
    static int compareSpecificity(PathTemplate a, PathTemplate b) {
        int n = Math.min(a.segments.length, b.segments.length);
        for (int i = 1; i < n; i++) {
            boolean aParam = a.paramNames[i] != null;
            boolean bParam = b.paramNames[i] != null;
            if (aParam != bParam) {
                return aParam ? 1 : -1;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
