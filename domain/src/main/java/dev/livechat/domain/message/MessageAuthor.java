package dev.livechat.domain.message;

import java.util.Objects;

/**
 * The {@code u} of a message: a visitor or a user.
 *
 * @param id       visitor or user id
 * @param username visitor {@code guest-N} or user username
 * @param name     display name, or null when the author has none
 */
public record MessageAuthor(String id, String username, String name) {

    public MessageAuthor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}
