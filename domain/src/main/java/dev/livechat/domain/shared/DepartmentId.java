package dev.livechat.domain.shared;

import java.util.Optional;

/** Id of a department; always well-formed ({@link Ids#ID_PATTERN}). */
public record DepartmentId(String value) {

    public DepartmentId {
        Ids.requireWellFormed(value, "DepartmentId");
    }

    /** The id for a lookup, or empty when {@code raw} is malformed (a malformed id is an unknown id). */
    public static Optional<DepartmentId> parse(String raw) {
        return Ids.isWellFormed(raw) ? Optional.of(new DepartmentId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
