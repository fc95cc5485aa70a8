package dev.livechat.domain.shared;

import java.util.Optional;

/** Id of a user; always well-formed ({@link Ids#ID_PATTERN}). */
public record UserId(String value) {

    public UserId {
        Ids.requireWellFormed(value, "UserId");
    }

    /** The id for a lookup, or empty when {@code raw} is malformed (a malformed id is an unknown id). */
    public static Optional<UserId> parse(String raw) {
        return Ids.isWellFormed(raw) ? Optional.of(new UserId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
