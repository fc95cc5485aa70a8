package dev.livechat.adapter.jdbc;

import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.RoomId;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * The counter {@code users.open_rooms} (migration V3): how many open rooms each agent serves, kept by every room
 * write inside that write's transaction, so that Auto_Selection reads one column per candidate instead of counting
 * the agent's rooms under the routing lock.
 */
final class OpenRoomCount {

    private OpenRoomCount() {
    }

    /** The agent a room counts for: its serving agent while it is open, otherwise nobody (null). */
    static String servingAgent(RoomSnapshot room) {
        return room.open() && room.servedBy() != null ? room.servedBy().id().value() : null;
    }

    /**
     * The agent the stored room counts for ("" for nobody), read at {@code version}; empty when no such row exists.
     * Without a version (a delete, which has no compare-and-set) the row is locked, so that a concurrent update
     * cannot move the count between this read and the delete.
     */
    static Optional<String> servingAgent(Handle handle, RoomId id, Long version) {
        // pk_rooms
        return handle.createQuery("SELECT served_by_id, is_open FROM rooms WHERE id = :id"
                        + (version == null ? " FOR UPDATE" : " AND version = :version"))
                .bind("id", id.value())
                .bind("version", version)
                .map((rs, ctx) -> rs.getBoolean("is_open") && rs.getString("served_by_id") != null
                        ? rs.getString("served_by_id") : "")
                .findFirst();
    }

    /** A room stopped counting for {@code from} and started counting for {@code to} (either may be null). */
    static void moved(Handle handle, String from, String to) {
        if (from == null ? to == null : from.equals(to)) {
            return;
        }
        // pk_users. One statement for both rows, so their locks are taken in the index's order in every transaction.
        handle.createUpdate("UPDATE users SET open_rooms = open_rooms"
                        + " + CASE WHEN id = :to THEN 1 ELSE 0 END - CASE WHEN id = :from THEN 1 ELSE 0 END"
                        + " WHERE id IN (:from, :to)")
                .bind("from", from)
                .bind("to", to)
                .execute();
    }
}
