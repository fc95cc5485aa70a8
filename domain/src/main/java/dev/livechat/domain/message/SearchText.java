package dev.livechat.domain.message;

/**
 * Case folding for {@code searchChats}: per character with {@code Locale.ROOT} lower-casing (contract 3.2), so that a
 * stored folded text and a folded query compare as literal substrings with the same length as the original.
 */
public final class SearchText {

    private SearchText() {
    }

    /** Lower-cases each UTF-16 unit on its own (never changes the length, unlike {@code String.toLowerCase}). */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** True when {@code text} contains {@code query} ignoring case, literally (no pattern characters). */
    public static boolean containsIgnoreCase(String text, String query) {
        return fold(text).contains(fold(query));
    }
}
