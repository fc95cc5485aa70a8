package dev.livechat.adapter.http.validation;

import java.util.Objects;

/**
 * A Meteor {@code check()} failure (Match style, contract 1.7), rendered as HTTP 400
 * {@code {"success":false,"error":"Match error: <message>[ in field <path>]"}} without {@code errorType}.
 */
public final class MatchValidationException extends RuntimeException {

    private final String reason;
    private final String path;

    /**
     * @param reason e.g. {@code Unknown key}, {@code Missing key 'token'}, {@code Expected string, got number}
     * @param path   the dotted path of the failing value, or the empty string for the top level
     */
    public MatchValidationException(String reason, String path) {
        super(format(reason, path), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = Objects.requireNonNull(path, "path");
    }

    private static String format(String reason, String path) {
        return "Match error: " + reason + (path == null || path.isEmpty() ? "" : " in field " + path);
    }

    /** The reason without prefix or path. */
    public String reason() {
        return reason;
    }

    /** The failing path, empty for the top level. */
    public String path() {
        return path;
    }
}
