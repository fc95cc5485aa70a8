package dev.livechat.domain.shared;

import java.util.Optional;

/** A visitor's bearer credential, chosen by the client: 1 to 256 UTF-16 units, not blank (contract 1.3). */
public record VisitorToken(String value) {

    public static final int MAX_LENGTH = 256;

    public VisitorToken {
        if (!isAcceptable(value)) {
            throw new IllegalArgumentException("visitor token must be 1.." + MAX_LENGTH + " characters and not blank");
        }
    }

    /** The token for a lookup, or empty when it could never have been registered (such a token is simply unknown). */
    public static Optional<VisitorToken> parse(String raw) {
        return isAcceptable(raw) ? Optional.of(new VisitorToken(raw)) : Optional.empty();
    }

    public static boolean isAcceptable(String raw) {
        return raw != null && !raw.isEmpty() && raw.length() <= MAX_LENGTH && !raw.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "VisitorToken[***]";
    }
}
