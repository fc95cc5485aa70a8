package dev.livechat.domain.room;

import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.time.Instant;
import java.util.Objects;

/**
 * The room's {@code v}: a copy of the visitor's identity taken when the room was opened (or its visitor changed).
 *
 * @param id            visitor id
 * @param username      {@code guest-N}
 * @param token         the visitor's token (shown only to that visitor, contract 1.13)
 * @param status        {@code "online"} while open, {@code "offline"} after close
 * @param lastMessageTs ts of the last visitor message, or null
 */
public record RoomVisitor(VisitorId id, String username, VisitorToken token, String status, Instant lastMessageTs) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public RoomVisitor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(status, "status");
    }

    RoomVisitor withStatus(String newStatus) {
        return new RoomVisitor(id, username, token, newStatus, lastMessageTs);
    }

    RoomVisitor withLastMessageTs(Instant ts) {
        return new RoomVisitor(id, username, token, status, ts);
    }

    /** The same status and last message time under another visitor's identity (contract 3.5 step 7). */
    public RoomVisitor reassignedTo(VisitorId newId, String newUsername, VisitorToken newToken) {
        return new RoomVisitor(newId, newUsername, newToken, status, lastMessageTs);
    }
}
