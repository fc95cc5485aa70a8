package dev.livechat.adapter.jdbc.testing;

import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
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
import java.util.concurrent.atomic.AtomicLong;

/** Small builders of domain objects for the adapter's own tests; ids are unique per JVM. */
public final class TestData {

    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestData() {
    }

    public static String id(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public static Instant at(long millisAfterT0) {
        return T0.plusMillis(millisAfterT0);
    }

    public static MessageAuthor visitorAuthor(VisitorId id) {
        return new MessageAuthor(id.value(), "guest-1", "Maria");
    }

    /** A new open room of a new visitor with this token, its livechat-started message recorded. */
    public static Room openRoom(String token, Instant now) {
        VisitorId visitorId = new VisitorId(id("v"));
        RoomId roomId = new RoomId(id("r"));
        Room room = Room.open(roomId, visitorId, "guest-1", new VisitorToken(token), "Maria", null, RoomSource.API, now);
        room.record(Message.system(MessageType.LIVECHAT_STARTED, new MessageId(id("m")), roomId, "", now,
                visitorAuthor(visitorId)));
        return room;
    }

    /** A new open room of an existing visitor. */
    public static Room openRoom(VisitorId visitorId, String token, Instant now) {
        RoomId roomId = new RoomId(id("r"));
        Room room = Room.open(roomId, visitorId, "guest-1", new VisitorToken(token), "Maria", null, RoomSource.API, now);
        room.record(Message.system(MessageType.LIVECHAT_STARTED, new MessageId(id("m")), roomId, "", now,
                visitorAuthor(visitorId)));
        return room;
    }

    public static Message visitorText(Room room, String text, Instant ts) {
        return Message.visitorText(new MessageId(id("m")), room.id(), text, ts, visitorAuthor(room.visitorId()),
                room.visitorToken());
    }

    public static Message agentText(Room room, User agent, String text, Instant ts) {
        return Message.agentText(new MessageId(id("m")), room.id(), text, ts,
                new MessageAuthor(agent.id().value(), agent.username(), agent.name().orElse(null)));
    }

    public static ServedBy servedBy(User agent, Instant ts) {
        return new ServedBy(agent.id(), agent.username(), ts);
    }

    public static Visitor visitor(String token, long guestNumber, Instant now) {
        return Visitor.register(new VisitorId(id("v")), guestNumber, new VisitorToken(token),
                new VisitorProfile("Maria", "maria@example.com", "+5511999990000", null), now);
    }

    public static User user(String username, String email, List<Role> roles, Instant now) {
        return User.create(new UserId(id("u")), username, "Name of " + username,
                email == null ? null : new UserEmail(email, false), "$2a$10$hash", true, roles, now);
    }

    public static User agent(String username, Instant now) {
        return user(username, username + "@example.com", List.of(Role.USER, Role.LIVECHAT_AGENT), now);
    }

    public static Department department(String name, boolean enabled, Instant now) {
        return new Department(new DepartmentId(id("d")), enabled, name, null, true, true, "dept@example.com", now);
    }

    public static Inquiry inquiry(Room room, Instant now) {
        return Inquiry.queue(new InquiryId(id("i")), room.snapshot(), now);
    }
}
