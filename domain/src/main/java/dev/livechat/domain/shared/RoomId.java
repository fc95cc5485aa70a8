package dev.livechat.domain.shared;

import java.util.Optional;

/** Id of a room; always well-formed ({@link Ids#ID_PATTERN}). */
public record RoomId(String value) {

    public RoomId {
        Ids.requireWellFormed(value, "RoomId");
    }

    /** The id for a lookup, or empty when {@code raw} is malformed (a malformed id is an unknown id). */
    public static Optional<RoomId> parse(String raw) {
        return Ids.isWellFormed(raw) ? Optional.of(new RoomId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
