package dev.livechat.domain.room;

import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/** The room's serving agent, {@code servedBy}: {@code ts} is the assignment time. */
public record ServedBy(UserId id, String username, Instant ts) {

    public ServedBy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(ts, "ts");
    }
}
