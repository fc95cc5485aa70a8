package dev.livechat.domain.user;

import java.util.Objects;

/** One entry of a user's {@code emails}: lower-cased address and whether it was verified. */
public record UserEmail(String address, boolean verified) {

    public UserEmail {
        Objects.requireNonNull(address, "address");
    }
}
