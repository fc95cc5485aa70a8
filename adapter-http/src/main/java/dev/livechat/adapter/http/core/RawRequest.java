package dev.livechat.adapter.http.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as any server binding hands it to the {@link ApiPipeline}: nothing decoded, nothing validated.
 *
 * @param method        the request method, case-sensitive ({@code GET}, {@code POST}, ...)
 * @param rawPath       the path exactly as received, still percent-encoded, without the query
 * @param rawQuery      the query string without {@code ?}, still encoded, or null when absent
 * @param headers       the request headers (case-insensitive names)
 * @param body          the request body
 * @param remoteAddress the TCP peer address (never a forwarded-for header), used for rate limiting
 */
public record RawRequest(String method, String rawPath, String rawQuery, RequestHeaders headers, RequestBody body,
                         String remoteAddress) {

    public RawRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /**
     * The cookies of the {@code Cookie} header(s), first occurrence of a name winning, values unquoted but otherwise
     * as sent.
     */
    public Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers.all("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!name.isEmpty()) {
                    cookies.putIfAbsent(name, value);
                }
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    @Override
    public String toString() {
        // The query may hold a visitor token: never part of toString (contract 1.16).
        return "RawRequest[" + method + " " + rawPath + "]";
    }
}
