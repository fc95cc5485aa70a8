package dev.livechat.application.port.in;

import dev.livechat.domain.room.RoomSnapshot;

/** A room and whether this request created it. */
public record RoomResult(RoomSnapshot room, boolean newRoom) {
}
