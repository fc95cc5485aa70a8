package dev.livechat.adapter.http.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding of path segments and {@code application/x-www-form-urlencoded} query strings, lenient like Node's
 * {@code querystring}: a malformed escape stays literal and invalid UTF-8 becomes U+FFFD, so decoding never fails and
 * the validators decide. {@code %00} becomes U+FFFD as well: U+0000 is not text any store of this project can hold
 * (PostgreSQL refuses it), so it never reaches the application from a URL, just as JSON bodies holding it are refused.
 */
final class UrlDecoding {

    private static final char REPLACEMENT = '\uFFFD';

    private UrlDecoding() {
    }

    /** Decodes one path segment: {@code %XX} escapes only ({@code +} stays a plus). */
    static String decodePathSegment(String raw) {
        return decode(raw, false);
    }

    /** Decodes one query key or value: {@code +} is a space, then {@code %XX} escapes. */
    static String decodeFormComponent(String raw) {
        return decode(raw, true);
    }

    /**
     * Parses a raw query string into keys in first-appearance order; a key that occurs several times keeps every value
     * in order. Keys are literal ({@code token[$ne]} is a key). Empty pairs ({@code a=1&&b=2}) are skipped.
     */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decodeFormComponent(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decodeFormComponent(pair.substring(eq + 1));
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        params.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0) && raw.indexOf(0) < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(plusIsSpace && c == '+' ? ' ' : c == 0 ? REPLACEMENT : c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            // new String(bytes, UTF_8) replaces malformed sequences with U+FFFD; a decoded U+0000 is replaced too.
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace((char) 0, REPLACEMENT));
            bytes.reset();
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
