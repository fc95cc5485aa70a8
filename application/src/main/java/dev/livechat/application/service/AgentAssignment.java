package dev.livechat.application.service;

import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.user.User;

import java.time.Instant;
import java.util.List;

/**
 * Contract 5.3 "agent assigned" on the room aggregate: {@code servedBy} at {@code t}, {@code usersCount + 1}, then the
 * {@code command} ("connected") and {@code uj} membership messages, which the caller stores.
 */
final class AgentAssignment {

    private AgentAssignment() {
    }

    static List<Message> assign(Room room, User agent, Instant t, IdGenerator ids) {
        room.assign(new ServedBy(agent.id(), agent.username(), t));
        MessageAuthor author = Authors.of(agent);
        Message connected = Message.system(MessageType.COMMAND, new MessageId(ids.newId()), room.id(), "connected", t,
                author);
        room.record(connected);
        Message joined = Message.system(MessageType.USER_JOINED, new MessageId(ids.newId()), room.id(), "", t, author);
        room.record(joined);
        return List.of(connected, joined);
    }
}
