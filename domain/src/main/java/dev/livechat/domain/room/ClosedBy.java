package dev.livechat.domain.room;

import java.util.Objects;

/** {@code closedBy}: the id and username of the closing user or visitor. */
public record ClosedBy(String id, String username) {

    public ClosedBy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}
