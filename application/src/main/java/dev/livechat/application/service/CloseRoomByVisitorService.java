package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.CloseRoomByVisitorUseCase;
import dev.livechat.application.port.in.ClosedRoom;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Lets the visitor close their open room, atomically: of concurrent closes exactly one wins (contract 4.15, 5.6). */
public final class CloseRoomByVisitorService implements CloseRoomByVisitorUseCase {

    /** Rocket.Chat's English {@code Closed_by_visitor}. */
    static final String COMMENT = "Closed by visitor";

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final InquiryRepository inquiries;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final CandidateListener candidates;

    public CloseRoomByVisitorService(VisitorRepository visitors, RoomRepository rooms, MessageRepository messages,
                                     InquiryRepository inquiries, IdGenerator ids, TransactionRunner tx, Clock clock) {
        this(visitors, rooms, messages, inquiries, ids, tx, clock, CandidateListener.NONE);
    }

    public CloseRoomByVisitorService(VisitorRepository visitors, RoomRepository rooms, MessageRepository messages,
                                     InquiryRepository inquiries, IdGenerator ids, TransactionRunner tx, Clock clock,
                                     CandidateListener candidates) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
    }

    @Override
    public ClosedRoom closeRoomByVisitor(CloseRoomByVisitorCommand command) {
        Optional<VisitorToken> token = VisitorToken.parse(command.token());
        Optional<RoomId> rid = RoomId.parse(command.rid());
        Optional<ServedBy> servedBy = unitOfWork.run(() -> close(token, rid));
        servedBy.ifPresent(agent -> candidates.candidateMayHaveArrived(agent.id()));
        return new ClosedRoom(command.rid(), COMMENT);
    }

    private Optional<ServedBy> close(Optional<VisitorToken> token, Optional<RoomId> rid) {
        Visitor visitor = token.flatMap(visitors::findByToken).orElseThrow(Errors::invalidToken);
        Room room = rid.flatMap(rooms::findById)
                .filter(r -> r.visitorToken().equals(visitor.token()))
                .orElseThrow(Errors::invalidRoom);
        if (!room.isOpen()) {
            throw Errors.roomClosed();
        }
        Instant now = Time.now(clock);
        room.close(Closer.VISITOR, new ClosedBy(visitor.id().value(), visitor.username()), List.of(), now);
        Message closing = Message.close(new MessageId(ids.newId()), room.id(), COMMENT, now, Authors.of(visitor),
                visitor.token());
        room.record(closing);
        rooms.update(room.snapshot());
        inquiries.deleteByRoomId(room.id());
        messages.insert(closing);
        return room.servedBy();
    }
}
