package dev.livechat.adapter.mongo;

import java.util.regex.Pattern;

/**
 * Regular expressions built from user input for MongoDB's {@code $regex}: every ASCII character that is not a letter,
 * digit or space is escaped, so the input is only ever matched literally (PCRE and {@code java.util.regex} both read
 * a backslash before a non-alphanumeric character as that character).
 */
final class Regexes {

    private Regexes() {
    }

    /** The input as a literal pattern fragment. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c >= 0x80 || c == ' ' || Character.isLetterOrDigit(c);
            if (!plain && c < 0x20) {
                // control characters have no literal escape in both dialects: match them by code point
                out.append(String.format("\\x%02x", (int) c));
                continue;
            }
            if (!plain) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Anchored ({@code \z}, so a trailing newline does not match), case-insensitive, literal: equality ignoring case. */
    static Pattern exactIgnoreCase(String text) {
        return Pattern.compile("^" + literal(text) + "\\z", Pattern.CASE_INSENSITIVE);
    }
}
