package dev.livechat.domain.shared;

import java.util.regex.Pattern;

/** The id rule every id accepted in a request must satisfy (contract 1.3), shared by the id value objects. */
public final class Ids {

    /** {@code ^[A-Za-z0-9_-]{1,64}$}: ids accepted in requests. */
    public static final Pattern ID_PATTERN = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    /** The pattern as the API quotes it in {@code must match pattern "..."} messages. */
    public static final String ID_PATTERN_TEXT = "^[A-Za-z0-9_-]{1,64}$";

    private Ids() {
    }

    /** True when {@code raw} is a well-formed id; malformed ids are treated as unknown and never reach a store. */
    public static boolean isWellFormed(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 64) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String requireWellFormed(String raw, String what) {
        if (!isWellFormed(raw)) {
            throw new IllegalArgumentException(what + " must match " + ID_PATTERN_TEXT);
        }
        return raw;
    }
}
