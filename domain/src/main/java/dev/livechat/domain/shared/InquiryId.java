package dev.livechat.domain.shared;

import java.util.Optional;

/** Id of a inquiry; always well-formed ({@link Ids#ID_PATTERN}). */
public record InquiryId(String value) {

    public InquiryId {
        Ids.requireWellFormed(value, "InquiryId");
    }

    /** The id for a lookup, or empty when {@code raw} is malformed (a malformed id is an unknown id). */
    public static Optional<InquiryId> parse(String raw) {
        return Ids.isWellFormed(raw) ? Optional.of(new InquiryId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
