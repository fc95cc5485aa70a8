package dev.livechat.domain.visitor;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email normalisation and the {@code local@domain.tld} shape check shared by visitors and users. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private EmailAddress() {
    }

    /** Trimmed and lower-cased ({@code Locale.ROOT}). */
    public static String normalize(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    /** The normalised address when it has the shape {@code local@domain.tld} without spaces, else empty. */
    public static Optional<String> parse(String raw) {
        String normalized = normalize(raw);
        return SHAPE.matcher(normalized).matches() ? Optional.of(normalized) : Optional.empty();
    }
}
