package dev.livechat.application.service;

import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;

/** Writes a changed room with the repository's compare-and-set and returns it as stored (its version advanced by one). */
final class StoredRooms {

    private StoredRooms() {
    }

    static RoomSnapshot update(RoomRepository rooms, Room room) {
        RoomSnapshot changed = room.snapshot();
        rooms.update(changed);
        return changed.toBuilder().version(changed.version() + 1).build();
    }
}
