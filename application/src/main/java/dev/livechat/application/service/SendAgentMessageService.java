package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.SendAgentMessageCommand;
import dev.livechat.application.port.in.SendAgentMessageUseCase;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Stores the serving agent's text message in an open room and applies its effects on the room (contract 4.12, 5). */
public final class SendAgentMessageService implements SendAgentMessageUseCase {

    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SendAgentMessageService(RoomRepository rooms, MessageRepository messages, IdGenerator ids,
                                   TransactionRunner tx, Clock clock) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Message sendAgentMessage(SendAgentMessageCommand command) {
        if (command.msg().length() > Message.MAX_TEXT_LENGTH) {
            throw BusinessRuleException.meteor("error-message-size-exceeded",
                    "Message size exceeds Message_MaxAllowedSize", Map.of("method", "sendMessage"));
        }
        Optional<RoomId> rid = RoomId.parse(command.rid());
        MessageId requestedId = command.messageId() == null ? null : new MessageId(command.messageId());
        // a concurrent request with the same message id stored it first: the next attempt replays or refuses
        return unitOfWork.run(() -> send(command.caller(), rid, command.msg(), requestedId),
                violation -> requestedId != null
                        && violation.constraint() == UniqueConstraintViolation.Constraint.MESSAGE_ID);
    }

    private Message send(Caller caller, Optional<RoomId> rid, String text, MessageId requestedId) {
        Room room = rid.flatMap(rooms::findById).orElseThrow(() -> BusinessRuleException.plain("error-invalid-room"));
        if (!room.isServedBy(caller.id())) {
            throw Errors.notAllowed();
        }
        if (!room.isOpen()) {
            throw Errors.roomClosed();
        }
        if (requestedId != null) {
            Optional<Message> stored = messages.findById(requestedId);
            if (stored.isPresent()) {
                Message earlier = stored.get();
                boolean sameRequest = earlier.rid().equals(room.id()) && earlier.isAgentText()
                        && earlier.author().id().equals(caller.id().value());
                if (sameRequest) {
                    return earlier;
                }
                throw Errors.messageIdInUse();
            }
        }
        Instant now = Time.now(clock);
        MessageId id = requestedId != null ? requestedId : new MessageId(ids.newId());
        Message message = Message.agentText(id, room.id(), text, now, Authors.of(caller));
        room.record(message);
        rooms.update(room.snapshot());
        messages.insert(message);
        return message;
    }
}
