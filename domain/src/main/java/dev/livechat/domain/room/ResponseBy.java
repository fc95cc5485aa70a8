package dev.livechat.domain.room;

import dev.livechat.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/** Who answered the current turn (contract 2.9, Rocket.Chat 7.x shape). */
public record ResponseBy(UserId id, String username, Instant firstResponseTs, Instant lastMessageTs) {

    public ResponseBy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstResponseTs, "firstResponseTs");
        Objects.requireNonNull(lastMessageTs, "lastMessageTs");
    }
}
