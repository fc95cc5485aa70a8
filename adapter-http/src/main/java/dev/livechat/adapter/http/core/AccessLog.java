package dev.livechat.adapter.http.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request on the logger {@value #LOGGER_NAME}: method, path and query, status, duration; secrets
 * are redacted first (contract 1.16) and bodies and headers are never logged.
 */
final class AccessLog {

    /** The logger name operators filter on. */
    static final String LOGGER_NAME = "dev.livechat.access";

    static final String REDACTED = "[redacted]";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String VISITOR_PATH = "/api/v1/livechat/visitor/";
    private static final int MAX_TARGET_LENGTH = 2048;

    private AccessLog() {
    }

    static void log(String method, String rawPath, String rawQuery, int status, long durationMillis) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {}ms", sanitize(method), redactedTarget(rawPath, rawQuery), status, durationMillis);
        }
    }

    /** The path and query as they may be logged: visitor tokens in the path and {@code token} query values replaced. */
    static String redactedTarget(String rawPath, String rawQuery) {
        String path = rawPath;
        if (path.startsWith(VISITOR_PATH) && path.length() > VISITOR_PATH.length()) {
            // Everything after the prefix may be (part of) a token, even on a path that does not route.
            path = VISITOR_PATH + REDACTED;
        }
        StringBuilder target = new StringBuilder(sanitize(path));
        if (rawQuery != null) {
            target.append('?');
            String[] pairs = rawQuery.split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                if (i > 0) {
                    target.append('&');
                }
                String pair = pairs[i];
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (eq >= 0 && isSecret(UrlDecoding.decodeFormComponent(key))) {
                    target.append(sanitize(key)).append('=').append(REDACTED);
                } else {
                    target.append(sanitize(pair));
                }
            }
        }
        return target.length() > MAX_TARGET_LENGTH
                ? target.substring(0, MAX_TARGET_LENGTH) + "...(truncated)"
                : target.toString();
    }

    private static boolean isSecret(String key) {
        String k = key.trim();
        return k.equalsIgnoreCase("token") || k.equalsIgnoreCase("authToken") || k.equalsIgnoreCase("password");
    }

    /** Control characters are replaced so that a request can never forge log lines. */
    private static String sanitize(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(text.substring(0, i));
                }
                sb.append('?');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
