package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.ChangeRoomVisitorCommand;
import dev.livechat.application.port.in.ChangeRoomVisitorUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a room to another visitor as a compare-and-set on its current visitor: a concurrent change of the room's
 * visitor makes the loser fail with {@code invalid-room-visitor}, any other concurrent change is retried (contract 3.5).
 */
public final class ChangeRoomVisitorService implements ChangeRoomVisitorUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final DepartmentRepository departments;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ChangeRoomVisitorService(VisitorRepository visitors, RoomRepository rooms, DepartmentRepository departments,
                                    TransactionRunner tx, Clock clock) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RoomSnapshot changeRoomVisitor(ChangeRoomVisitorCommand command) {
        Caller caller = command.caller();
        if (!caller.has(Permission.VIEW_L_ROOM) || !caller.has(Permission.CHANGE_LIVECHAT_ROOM_VISITOR)) {
            throw PermissionDeniedException.routePermission();
        }
        Optional<VisitorId> newVisitorId = VisitorId.parse(command.newVisitorId());
        Optional<RoomId> rid = RoomId.parse(command.rid());
        // the expected current visitor is fixed once, when the request is read: retries compare against it
        Optional<VisitorId> expected = command.oldVisitorId() != null
                ? VisitorId.parse(command.oldVisitorId())
                : rid.flatMap(rooms::findById).map(Room::visitorId);
        return unitOfWork.run(() -> change(caller, rid, newVisitorId, expected));
    }

    private RoomSnapshot change(Caller caller, Optional<RoomId> rid, Optional<VisitorId> newVisitorId,
                                Optional<VisitorId> expected) {
        Visitor newVisitor = newVisitorId.flatMap(visitors::findById)
                .orElseThrow(() -> BusinessRuleException.plain("visitor-not-found"));
        Room room = rid.flatMap(rooms::findById).orElseThrow(Errors::invalidRoom);
        if (!RoomAccess.canAccess(caller, room.snapshot(), departments)) {
            throw Errors.notAllowed();
        }
        if (expected.isEmpty() || !room.visitorId().equals(expected.get())) {
            throw invalidRoomVisitor();
        }
        if (room.isOpen()) {
            boolean hasAnotherOpenRoom = rooms.findOpenByVisitorToken(newVisitor.token())
                    .filter(other -> !other.id().equals(room.id()))
                    .isPresent();
            if (hasAnotherOpenRoom) {
                throw visitorAlreadyHasOpenRoom();
            }
        }
        room.changeVisitor(newVisitor.id(), newVisitor.username(), newVisitor.token(), Time.now(clock));
        try {
            return StoredRooms.update(rooms, room);
        } catch (UniqueConstraintViolation e) {
            if (e.constraint() == UniqueConstraintViolation.Constraint.OPEN_ROOM_PER_VISITOR) {
                throw visitorAlreadyHasOpenRoom();
            }
            throw e;
        }
    }

    private static BusinessRuleException invalidRoomVisitor() {
        return BusinessRuleException.plain("invalid-room-visitor");
    }

    private static BusinessRuleException visitorAlreadyHasOpenRoom() {
        return BusinessRuleException.plain("visitor-already-has-open-room");
    }
}
