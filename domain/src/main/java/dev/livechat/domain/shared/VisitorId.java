package dev.livechat.domain.shared;

import java.util.Optional;

/** Id of a visitor; always well-formed ({@link Ids#ID_PATTERN}). */
public record VisitorId(String value) {

    public VisitorId {
        Ids.requireWellFormed(value, "VisitorId");
    }

    /** The id for a lookup, or empty when {@code raw} is malformed (a malformed id is an unknown id). */
    public static Optional<VisitorId> parse(String raw) {
        return Ids.isWellFormed(raw) ? Optional.of(new VisitorId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
