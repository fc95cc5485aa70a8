package dev.livechat.domain.visitor;

import dev.livechat.domain.shared.RoomId;

import java.time.Instant;
import java.util.Objects;

/** The visitor's {@code lastChat}: id and creation time of their most recently created room. */
public record LastChat(RoomId id, Instant ts) {

    public LastChat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ts, "ts");
    }
}
