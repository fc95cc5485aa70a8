package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.testing.SequentialIdGenerator;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
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

/**
 * Valid domain objects for the contract suites, written only through the ports. Rows that others refer to (the
 * visitor of a room, the room of a message, the user of a token, the agent serving a room) are inserted first, so
 * adapters may enforce foreign keys.
 */
public final class ContractFixtures {

    /** 2024-05-01T10:00:00Z, the start of the contract's worked example. */
    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final StorePorts stores;
    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private final AtomicInteger tokens = new AtomicInteger();

    public ContractFixtures(StorePorts stores) {
        this.stores = stores;
    }

    /** {@link #T0} plus some milliseconds. */
    public static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    public String newId() {
        return ids.newId();
    }

    public RoomId newRoomId() {
        return new RoomId(newId());
    }

    public MessageId newMessageId() {
        return new MessageId(newId());
    }

    /** A fresh token that no other fixture uses. */
    public VisitorToken newToken() {
        return new VisitorToken("token-" + tokens.incrementAndGet());
    }

    /** A stored visitor without profile fields. */
    public Visitor visitor() {
        return visitor(newToken(), VisitorProfile.EMPTY);
    }

    /** A stored visitor with this token and profile. */
    public Visitor visitor(VisitorToken token, VisitorProfile profile) {
        Visitor visitor = Visitor.register(new VisitorId(newId()), stores.visitors().nextGuestNumber(), token, profile,
                T0);
        stores.visitors().insert(visitor);
        return visitor;
    }

    /** A stored, active user with these roles and the email {@code <username>@example.com}. */
    public User user(String username, Role... roles) {
        User user = User.create(new UserId(newId()), username, username.toUpperCase(java.util.Locale.ROOT),
                new UserEmail(username + "@example.com", false), "hash-of-" + username, true, List.of(roles), T0);
        stores.users().insert(user);
        return user;
    }

    /** A stored, available agent (roles {@code user}, {@code livechat-agent}). */
    public User agent(String username) {
        return user(username, Role.USER, Role.LIVECHAT_AGENT);
    }

    /** A stored department. */
    public Department department(String name, boolean enabled) {
        Department department = new Department(new DepartmentId(newId()), enabled, name, null, true, true,
                name.toLowerCase(java.util.Locale.ROOT) + "@example.com", T0);
        stores.departments().insert(department);
        return department;
    }

    public static MessageAuthor author(Visitor visitor) {
        return new MessageAuthor(visitor.id().value(), visitor.username(), visitor.name().orElse(null));
    }

    public static MessageAuthor author(User user) {
        return new MessageAuthor(user.id().value(), user.username(), user.name().orElse(null));
    }

    /** A new open room of the visitor at {@code ts} with its {@code livechat-started} message, not yet stored. */
    public Room newOpenRoom(Visitor visitor, Instant ts) {
        return newOpenRoom(visitor, ts, null, RoomSource.API);
    }

    public Room newOpenRoom(Visitor visitor, Instant ts, DepartmentId department, RoomSource source) {
        Room room = Room.open(newRoomId(), visitor.id(), visitor.username(), visitor.token(),
                visitor.name().orElse(null), department, source, ts);
        room.record(Message.system(MessageType.LIVECHAT_STARTED, newMessageId(), room.id(), "", ts, author(visitor)));
        return room;
    }

    /** Stores a new open room of the visitor (room first, then its {@code livechat-started} message). */
    public RoomSnapshot openRoom(Visitor visitor, Instant ts) {
        return store(newOpenRoom(visitor, ts));
    }

    /** Stores a new open room served by {@code agent} since {@code ts}. */
    public RoomSnapshot servedRoom(Visitor visitor, User agent, Instant ts) {
        Room room = newOpenRoom(visitor, ts);
        room.assign(new ServedBy(agent.id(), agent.username(), ts));
        return store(room);
    }

    /** Inserts the room, then its last message when there is one. */
    public RoomSnapshot store(Room room) {
        RoomSnapshot snapshot = room.snapshot();
        stores.rooms().insert(snapshot);
        if (snapshot.lastMessage() != null) {
            stores.messages().insert(snapshot.lastMessage());
        }
        return reload(snapshot.id());
    }

    public RoomSnapshot reload(RoomId id) {
        return stores.rooms().findById(id).orElseThrow().snapshot();
    }

    /** Applies the message to the stored room (compare-and-set) and stores the message; returns the stored room. */
    public RoomSnapshot write(RoomId roomId, Message message) {
        Room room = stores.rooms().findById(roomId).orElseThrow();
        room.record(message);
        stores.rooms().update(room.snapshot());
        stores.messages().insert(message);
        return reload(roomId);
    }

    public RoomSnapshot visitorSays(RoomId roomId, Visitor visitor, String text, Instant ts) {
        return write(roomId, Message.visitorText(newMessageId(), roomId, text, ts, author(visitor), visitor.token()));
    }

    public RoomSnapshot agentSays(RoomId roomId, User agent, String text, Instant ts) {
        return write(roomId, Message.agentText(newMessageId(), roomId, text, ts, author(agent)));
    }

    /** Closes the stored room by its agent with this comment and tags, and writes the close message. */
    public RoomSnapshot closeByUser(RoomId roomId, User user, String comment, List<String> tags, Instant ts) {
        Room room = stores.rooms().findById(roomId).orElseThrow();
        room.close(Closer.USER, new ClosedBy(user.id().value(), user.username()), tags, ts);
        Message close = Message.close(newMessageId(), roomId, comment, ts, author(user), null);
        room.record(close);
        stores.rooms().update(room.snapshot());
        stores.messages().insert(close);
        return reload(roomId);
    }
}
