package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.user.Permission;

/** Contract 1.12: whether a user may read a room (its serving agent, room viewers, and closed-room rules). */
final class RoomAccess {

    private RoomAccess() {
    }

    static boolean canAccess(Caller caller, RoomSnapshot room, DepartmentRepository departments) {
        if (caller.has(Permission.VIEW_LIVECHAT_ROOMS)) {
            return true;
        }
        if (room.servedBy() != null && room.servedBy().id().equals(caller.id())) {
            return true;
        }
        if (room.open()) {
            return false;
        }
        if (caller.has(Permission.VIEW_LIVECHAT_ROOM_CLOSED_BY_ANOTHER_AGENT)) {
            return true;
        }
        return room.departmentId() != null
                && caller.has(Permission.VIEW_LIVECHAT_ROOM_CLOSED_SAME_DEPARTMENT)
                && departments.isAgentOf(caller.id(), room.departmentId());
    }
}
