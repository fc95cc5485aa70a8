package dev.livechat.adapter.http.core;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished HTTP response for any server binding to write out as is.
 *
 * @param status  the HTTP status code
 * @param headers the response headers in the order to send them (one value each)
 * @param body    the body bytes (always a JSON document in this API)
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

    public RawResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The header value, looked up case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The body decoded as UTF-8 (for tests and diagnostics). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RawResponse[" + status + "]";
    }
}
