package dev.livechat.adapter.mongo;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserEmail;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Domain objects for the adapter's own tests, built through the domain's factories. */
final class Samples {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static final AtomicInteger IDS = new AtomicInteger();

    private Samples() {
    }

    static String id(String prefix) {
        return prefix + IDS.incrementAndGet();
    }

    static Room openRoom(String roomId, String visitorId, String token, Instant ts) {
        Room room = Room.open(new RoomId(roomId), new VisitorId(visitorId), "guest-" + visitorId,
                new VisitorToken(token), "Maria", null, RoomSource.API, ts);
        room.record(Message.system(MessageType.LIVECHAT_STARTED, new MessageId(id("m")), room.id(), "", ts,
                new MessageAuthor(visitorId, "guest-" + visitorId, "Maria")));
        return room;
    }

    static MessageAuthor visitorAuthor(Room room) {
        return new MessageAuthor(room.visitorId().value(), room.snapshot().visitor().username(), "Maria");
    }

    static MessageAuthor agentAuthor() {
        return new MessageAuthor("agent1", "faria.masood", "Faria Masood");
    }

    static Message visitorText(Room room, String text, Instant ts) {
        return Message.visitorText(new MessageId(id("m")), room.id(), text, ts, visitorAuthor(room), room.visitorToken());
    }

    static Message agentText(Room room, String text, Instant ts) {
        return Message.agentText(new MessageId(id("m")), room.id(), text, ts, agentAuthor());
    }

    /** A served, answered and closed room with every optional key set. */
    static Room fullyClosedRoom(String roomId, String visitorId, String token, Instant ts) {
        Room room = openRoom(roomId, visitorId, token, ts);
        room.assign(new ServedBy(new UserId("agent1"), "faria.masood", ts.plusMillis(10)));
        room.record(visitorText(room, "I have a question about my invoice", ts.plusSeconds(10)));
        room.record(agentText(room, "Sure", ts.plusMillis(30_500)));
        room.record(visitorText(room, "thanks", ts.plusSeconds(60)));
        room.record(agentText(room, "welcome", ts.plusMillis(64_250)));
        Instant closedAt = ts.plusSeconds(120);
        room.close(Closer.USER, new ClosedBy("agent1", "faria.masood"), List.of("billing", "vip"), closedAt);
        room.record(Message.close(new MessageId(id("m")), room.id(), "Issue solved", closedAt, agentAuthor(), null));
        room.recordSurvey(new dev.livechat.domain.room.SurveyFeedback(java.util.Map.of("satisfaction", "4")),
                closedAt.plusSeconds(5));
        return room;
    }

    static Visitor visitor(String visitorId, String token, long guestNumber) {
        return Visitor.register(new VisitorId(visitorId), guestNumber, new VisitorToken(token),
                new VisitorProfile("Maria", "maria@example.com", "+5511999990000", new DepartmentId("dep1")), T0);
    }

    static User agent(String userId, String username, String email) {
        return User.create(new UserId(userId), username, "Name of " + username,
                email == null ? null : new UserEmail(email, false), "$2b$10$hash", true,
                List.of(Role.USER, Role.LIVECHAT_AGENT), T0);
    }
}
