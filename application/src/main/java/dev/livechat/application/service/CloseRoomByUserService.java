package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.CloseRoomByUserUseCase;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.user.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lets the serving agent, or a user allowed to close others' rooms, close a room with a comment and tags, atomically
 * (contract 4.16, 5.6).
 */
public final class CloseRoomByUserService implements CloseRoomByUserUseCase {

    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final InquiryRepository inquiries;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final CandidateListener candidates;

    public CloseRoomByUserService(RoomRepository rooms, MessageRepository messages, InquiryRepository inquiries,
                                  IdGenerator ids, TransactionRunner tx, Clock clock) {
        this(rooms, messages, inquiries, ids, tx, clock, CandidateListener.NONE);
    }

    public CloseRoomByUserService(RoomRepository rooms, MessageRepository messages, InquiryRepository inquiries,
                                  IdGenerator ids, TransactionRunner tx, Clock clock, CandidateListener candidates) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
    }

    @Override
    public void closeRoomByUser(CloseRoomByUserCommand command) {
        Caller caller = command.caller();
        if (!caller.has(Permission.CLOSE_LIVECHAT_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
        Optional<RoomId> rid = RoomId.parse(command.rid());
        String comment = command.comment() == null ? "" : command.comment();
        Optional<ServedBy> servedBy = unitOfWork.run(() -> close(caller, rid, comment, command.tags()));
        servedBy.ifPresent(agent -> candidates.candidateMayHaveArrived(agent.id()));
    }

    private Optional<ServedBy> close(Caller caller, Optional<RoomId> rid, String comment, List<String> tags) {
        Room room = rid.flatMap(rooms::findById).orElseThrow(() -> BusinessRuleException.plain("error-invalid-room"));
        if (!room.isOpen()) {
            throw BusinessRuleException.plain("error-room-already-closed");
        }
        if (!room.isServedBy(caller.id()) && !caller.has(Permission.CLOSE_OTHERS_LIVECHAT_ROOM)) {
            throw BusinessRuleException.plain("error-not-authorized");
        }
        Instant now = Time.now(clock);
        room.close(Closer.USER, new ClosedBy(caller.id().value(), caller.username()), tags, now);
        Message closing = Message.close(new MessageId(ids.newId()), room.id(), comment, now, Authors.of(caller), null);
        room.record(closing);
        rooms.update(room.snapshot());
        inquiries.deleteByRoomId(room.id());
        messages.insert(closing);
        return room.servedBy();
    }
}
