package dev.livechat.application.service;

import dev.livechat.application.port.in.ReadVisitorMessagesUseCase;
import dev.livechat.application.port.in.VisitorMessagesQuery;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.Visitor;

import java.util.List;
import java.util.Objects;

/** Lists a room's messages as its visitor sees them, newest first, without membership messages (contract 4.11). */
public final class ReadVisitorMessagesService implements ReadVisitorMessagesUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final MessageRepository messages;

    public ReadVisitorMessagesService(VisitorRepository visitors, RoomRepository rooms, MessageRepository messages) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public List<Message> readVisitorMessages(VisitorMessagesQuery query) {
        Visitor visitor = VisitorToken.parse(query.token()).flatMap(visitors::findByToken)
                .orElseThrow(Errors::invalidToken);
        Room room = RoomId.parse(query.rid()).flatMap(rooms::findById)
                .filter(r -> r.visitorToken().equals(visitor.token()))
                .orElseThrow(Errors::invalidRoom);
        return messages.findVisitorVisible(room.id(), query.end() == null ? null : Time.ceilToMillis(query.end()),
                query.offset(), query.limit());
    }
}
