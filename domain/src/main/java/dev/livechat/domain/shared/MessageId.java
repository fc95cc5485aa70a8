package dev.livechat.domain.shared;

import java.util.Optional;

/** Id of a message; always well-formed ({@link Ids#ID_PATTERN}). */
public record MessageId(String value) {

    public MessageId {
        Ids.requireWellFormed(value, "MessageId");
    }

    /** The id for a lookup, or empty when {@code raw} is malformed (a malformed id is an unknown id). */
    public static Optional<MessageId> parse(String raw) {
        return Ids.isWellFormed(raw) ? Optional.of(new MessageId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
