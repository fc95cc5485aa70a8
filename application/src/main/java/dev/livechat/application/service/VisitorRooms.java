package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.user.Permission;

import java.util.List;

/**
 * The checks {@code chatHistory} and {@code searchChats} share (contract 3.1 steps 1–5): the route permission, the
 * room, the caller's access to it, and the hardened check that the visitor is that room's visitor.
 */
final class VisitorRooms {

    /** {@code {"ts":-1}}. */
    static final List<SortKey<RoomSortField>> DEFAULT_SORT = List.of(new SortKey<>(RoomSortField.TS, false));

    private VisitorRooms() {
    }

    static VisitorId authorize(Caller caller, String roomId, String visitorId, RoomRepository rooms,
                               DepartmentRepository departments) {
        if (!caller.has(Permission.VIEW_L_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
        Room room = RoomId.parse(roomId).flatMap(rooms::findById).orElseThrow(Errors::invalidRoom);
        if (!RoomAccess.canAccess(caller, room.snapshot(), departments)) {
            throw Errors.notAllowed();
        }
        return VisitorId.parse(visitorId).filter(room.visitorId()::equals).orElseThrow(Errors::notAllowed);
    }

    static List<SortKey<RoomSortField>> sortOrDefault(List<SortKey<RoomSortField>> sort) {
        return sort.isEmpty() ? DEFAULT_SORT : sort;
    }

    static Page<RoomSnapshot> snapshots(Page<Room> page) {
        return new Page<>(page.items().stream().map(Room::snapshot).toList(), page.total());
    }
}
