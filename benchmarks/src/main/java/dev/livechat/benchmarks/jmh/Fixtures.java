package dev.livechat.benchmarks.jmh;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.room.SurveyAnswer;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rooms as the server stores them after a real conversation, built through the domain's own methods: opened, assigned,
 * a few visitor/agent turns, closed with tags and a survey. Deterministic, so every run measures the same shapes.
 */
final class Fixtures {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.000Z");
    static final MessageAuthor AGENT = new MessageAuthor("XycfA5CetCPuEjqxw", "faria.masood", "Faria Masood");
    static final UserId AGENT_ID = new UserId(AGENT.id());

    private Fixtures() {
    }

    /** Id {@code n} in the 17-character Meteor shape. */
    static String id(char prefix, int n) {
        return prefix + String.format("%016d", n);
    }

    static MessageAuthor visitorAuthor(int visitor) {
        return new MessageAuthor(id('V', visitor), "guest-" + visitor, "Maria " + visitor);
    }

    static VisitorToken visitorToken(int visitor) {
        return new VisitorToken("visitor-token-" + visitor);
    }

    /** A freshly opened, served room (what {@code GET livechat/room} creates), ready for messages. */
    static Room openServedRoom(int roomNumber, int visitor, Instant at) {
        MessageAuthor v = visitorAuthor(visitor);
        Room room = Room.open(new RoomId(id('R', roomNumber)), new VisitorId(v.id()), v.username(),
                visitorToken(visitor), v.name(), new DepartmentId("CAJioQNAvLnYWTy8i"), RoomSource.API, at);
        room.record(Message.system(MessageType.LIVECHAT_STARTED, new MessageId(id('S', roomNumber)), room.id(), "", at, v));
        Instant assigned = at.plusMillis(10);
        room.assign(new ServedBy(AGENT_ID, AGENT.username(), assigned));
        room.record(Message.system(MessageType.COMMAND, new MessageId(id('C', roomNumber)), room.id(), "connected",
                assigned, AGENT));
        room.record(Message.system(MessageType.USER_JOINED, new MessageId(id('J', roomNumber)), room.id(), "",
                assigned, AGENT));
        return room;
    }

    /** The messages of a conversation: alternating visitor and agent turns, one second apart. */
    static List<Message> conversation(Room room, int visitor, int turns, Instant from) {
        MessageAuthor v = visitorAuthor(visitor);
        List<Message> messages = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < turns; i++) {
            t = t.plusSeconds(1);
            messages.add(Message.visitorText(new MessageId(id('m', i * 2)), room.id(),
                    "I have a question about my invoice number " + i + "\nand the delivery date", t, v,
                    visitorToken(visitor)));
            t = t.plusSeconds(1);
            messages.add(Message.agentText(new MessageId(id('a', i * 2 + 1)), room.id(),
                    "Hello Maria, let me check invoice " + i + " for you.", t, AGENT));
        }
        return messages;
    }

    /** A closed room with metrics, tags and a survey: the typical item of a chat history page. */
    static RoomSnapshot closedRoom(int roomNumber, int visitor) {
        Instant opened = T0.plusSeconds(roomNumber * 3600L);
        Room room = openServedRoom(roomNumber, visitor, opened);
        List<Message> messages = conversation(room, visitor, 3, opened);
        messages.forEach(room::record);
        Instant closedAt = messages.get(messages.size() - 1).ts().plusSeconds(30);
        room.close(Closer.USER, new ClosedBy(AGENT.id(), AGENT.username()), List.of("billing", "invoice"), closedAt);
        room.record(Message.close(new MessageId(id('X', roomNumber)), room.id(), "Issue solved", closedAt, AGENT, null));
        room.recordSurvey(SurveyFeedback.fromAnswers(List.of(new SurveyAnswer("satisfaction", "5"),
                new SurveyAnswer("additionalFeedback", "Quick and friendly"))), closedAt.plusSeconds(5));
        return room.snapshot();
    }

    /** {@code count} closed rooms of one visitor, newest first: a chat history page. */
    static List<RoomSnapshot> historyPage(int count) {
        List<RoomSnapshot> page = new ArrayList<>(count);
        for (int i = count; i >= 1; i--) {
            page.add(closedRoom(i, 537));
        }
        return page;
    }
}
