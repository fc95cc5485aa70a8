package dev.livechat.application.service;

import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.in.SendVisitorMessageUseCase;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Stores a visitor's text message in their open room and applies its effects on the room (contract 4.10, 5.2–5.5). */
public final class SendVisitorMessageService implements SendVisitorMessageUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SendVisitorMessageService(VisitorRepository visitors, RoomRepository rooms, MessageRepository messages,
                                     IdGenerator ids, TransactionRunner tx, Clock clock) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Message sendVisitorMessage(SendVisitorMessageCommand command) {
        Optional<VisitorToken> token = VisitorToken.parse(command.token());
        Optional<RoomId> rid = RoomId.parse(command.rid());
        MessageId requestedId = command.messageId() == null ? null : new MessageId(command.messageId());
        // a concurrent request with the same message id stored it first: the next attempt replays or refuses
        return unitOfWork.run(() -> send(token, rid, command.msg(), requestedId),
                violation -> requestedId != null
                        && violation.constraint() == UniqueConstraintViolation.Constraint.MESSAGE_ID);
    }

    private Message send(Optional<VisitorToken> token, Optional<RoomId> rid, String text, MessageId requestedId) {
        Visitor visitor = token.flatMap(visitors::findByToken).orElseThrow(Errors::invalidToken);
        Room room = rid.flatMap(rooms::findById)
                .filter(r -> r.visitorToken().equals(visitor.token()))
                .orElseThrow(Errors::invalidRoom);
        if (!room.isOpen()) {
            throw Errors.roomClosed();
        }
        if (text.length() > Message.MAX_TEXT_LENGTH) {
            throw BusinessRuleException.plain("message-length-exceeds-character-limit");
        }
        if (requestedId != null) {
            Optional<Message> stored = messages.findById(requestedId);
            if (stored.isPresent()) {
                Message earlier = stored.get();
                boolean sameRequest = earlier.rid().equals(room.id()) && earlier.isVisitorText()
                        && visitor.token().equals(earlier.visitorToken());
                if (sameRequest) {
                    return earlier;
                }
                throw Errors.messageIdInUse();
            }
        }
        Instant now = Time.now(clock);
        MessageId id = requestedId != null ? requestedId : new MessageId(ids.newId());
        Message message = Message.visitorText(id, room.id(), text, now, Authors.of(visitor), visitor.token());
        room.record(message);
        rooms.update(room.snapshot());
        messages.insert(message);
        return message;
    }
}
