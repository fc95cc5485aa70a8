package dev.livechat.adapter.jdbc.internal;

import dev.livechat.domain.message.SearchText;

/**
 * Literal substring patterns for {@code LIKE ... ESCAPE '!'}: the query is folded like the stored column
 * ({@link SearchText#fold}) and every character {@code LIKE} would interpret is escaped, so {@code %}, {@code _},
 * {@code !} and {@code \} match only themselves on every dialect.
 */
public final class LikePattern {

    /** The escape character; the SQL must say {@code ESCAPE '!'}. */
    public static final char ESCAPE = '!';

    private LikePattern() {
    }

    /** {@code %<folded, escaped text>%}. */
    public static String containsFolded(String text) {
        String folded = SearchText.fold(text);
        StringBuilder pattern = new StringBuilder(folded.length() + 8).append('%');
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
