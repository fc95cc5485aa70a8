package dev.livechat.application.port.out;

import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.util.List;
import java.util.Optional;

/** Stores rooms; guarantees one open room per visitor token and serialises the updates of each room. */
public interface RoomRepository {

    /**
     * Inserts a new room with version 0. Atomic: the store holds at most one open room per visitor token, also across
     * several server instances.
     *
     * @throws UniqueConstraintViolation {@code OPEN_ROOM_PER_VISITOR} when the token already has an open room
     */
    void insert(RoomSnapshot room);

    Optional<Room> findById(RoomId id);

    /** The open room of this visitor token, if any. */
    Optional<Room> findOpenByVisitorToken(VisitorToken token);

    /** Every open room of this visitor, oldest first (normally at most one). */
    List<Room> findOpenByVisitorId(VisitorId visitorId);

    /**
     * Compare-and-set: stores {@code room} only if the stored version still equals {@code room.version()}, and
     * advances the stored version by one. The open-room key follows the room's visitor token and open flag.
     *
     * @throws ConcurrentUpdateException  when the stored version differs (or the room no longer exists)
     * @throws UniqueConstraintViolation  {@code OPEN_ROOM_PER_VISITOR} when the room is open and its (new) token
     *                                    already has another open room
     */
    void update(RoomSnapshot room);

    /** The ids of every room of this visitor ({@code v._id}), open and closed, in no particular order. */
    List<RoomId> findIdsByVisitorId(VisitorId visitorId);

    /** Deletes the room (with its tags and survey); its messages and inquiry are deleted separately. Nothing when absent. */
    void delete(RoomId id);
}
