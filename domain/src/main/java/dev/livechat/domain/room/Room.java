package dev.livechat.domain.room;

import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A livechat room: one conversation between a visitor and at most one serving agent at a time. Every change goes
 * through an intention-revealing method that applies the contract's rules (5.2–5.6) at the instant it is given; the
 * room never reads a clock.
 */
public final class Room {

    private RoomSnapshot state;

    private Room(RoomSnapshot state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Rebuilds a room from stored state: the one way adapters create a {@code Room}. */
    public static Room restore(RoomSnapshot snapshot) {
        return new Room(snapshot);
    }

    /**
     * A new open room for the visitor (contract 3.3 step 5): {@code msgs 0}, {@code usersCount 1}, {@code lm = ts = now},
     * waiting for a response. The caller records the {@code livechat-started} message next.
     */
    public static Room open(RoomId id, VisitorId visitorId, String visitorUsername, VisitorToken token, String visitorName,
                            DepartmentId departmentId, RoomSource source, Instant now) {
        RoomSnapshot snapshot = RoomSnapshot.builder()
                .id(id)
                .version(0)
                .msgs(0)
                .usersCount(1)
                .lm(now)
                .fname(visitorName != null ? visitorName : visitorUsername)
                .ts(now)
                .departmentId(departmentId)
                .visitor(new RoomVisitor(visitorId, visitorUsername, token, RoomVisitor.ONLINE, null))
                .open(true)
                .updatedAt(now)
                .metrics(RoomMetrics.NONE)
                .waitingResponse(true)
                .source(source)
                .tags(List.of())
                .build();
        return new Room(snapshot);
    }

    public RoomSnapshot snapshot() {
        return state;
    }

    public RoomId id() {
        return state.id();
    }

    public boolean isOpen() {
        return state.open();
    }

    public VisitorId visitorId() {
        return state.visitor().id();
    }

    public VisitorToken visitorToken() {
        return state.visitor().token();
    }

    public Optional<ServedBy> servedBy() {
        return Optional.ofNullable(state.servedBy());
    }

    public boolean isServedBy(UserId userId) {
        return state.servedBy() != null && state.servedBy().id().equals(userId);
    }

    public Optional<DepartmentId> departmentId() {
        return Optional.ofNullable(state.departmentId());
    }

    /** The room's {@code livechat-close} message: the last message of a closed room (nothing is written after a close). */
    public Optional<Message> closingMessage() {
        Message last = state.lastMessage();
        if (!state.open() && last != null && last.type() == MessageType.LIVECHAT_CLOSE) {
            return Optional.of(last);
        }
        return Optional.empty();
    }

    /**
     * Applies a message written into this room (contract 5.2): every message increments {@code msgs}; text and room
     * events move {@code lm}/{@code lastMessage}; text messages drive metrics (5.4) and response tracking (5.5).
     *
     * @throws IllegalStateException when a text message targets a closed room, or the message belongs to another room
     */
    public void record(Message message) {
        if (!message.rid().equals(state.id())) {
            throw new IllegalArgumentException("message of another room");
        }
        Instant t = message.ts();
        RoomSnapshot.Builder next = state.toBuilder().msgs(state.msgs() + 1).updatedAt(t);
        switch (message.type().messageClass()) {
            case MEMBERSHIP -> {
                // membership messages only count (Rocket.Chat's saveSystemMessage)
            }
            case ROOM_EVENT -> next.lm(t).lastMessage(message);
            case TEXT -> {
                requireOpen();
                next.lm(t).lastMessage(message);
                if (message.isVisitorText()) {
                    applyVisitorText(next, t);
                } else {
                    applyAgentText(next, message, t);
                }
            }
        }
        state = next.build();
    }

    private void applyVisitorText(RoomSnapshot.Builder next, Instant t) {
        next.metrics(state.metrics().afterVisitorMessage(t, state.ts()));
        next.visitor(state.visitor().withLastMessageTs(t));
        if (!state.waitingResponse()) {
            next.waitingResponse(true).responseBy(null);
        }
    }

    private void applyAgentText(RoomSnapshot.Builder next, Message message, Instant t) {
        Instant joined = state.servedBy() != null ? state.servedBy().ts() : state.ts();
        next.metrics(state.metrics().afterAgentMessage(t, joined));
        UserId agentId = new UserId(message.author().id());
        if (state.waitingResponse() || state.responseBy() == null) {
            next.waitingResponse(false).responseBy(new ResponseBy(agentId, message.author().username(), t, t));
        } else {
            ResponseBy current = state.responseBy();
            next.responseBy(new ResponseBy(current.id(), current.username(), current.firstResponseTs(), t));
        }
    }

    /**
     * Assigns an agent (contract 5.3 "agent assigned"): replaces {@code servedBy} with assignment time {@code agent.ts()},
     * increments {@code usersCount}. The caller records the {@code command} and {@code uj} messages next.
     */
    public void assign(ServedBy agent) {
        requireOpen();
        state = state.toBuilder()
                .servedBy(agent)
                .usersCount(state.usersCount() + 1)
                .updatedAt(agent.ts())
                .build();
    }

    /** Removes the serving agent when a forward returns the room to the queue; {@code usersCount} is unchanged. */
    public void returnToQueue(Instant now) {
        requireOpen();
        state = state.toBuilder().servedBy(null).updatedAt(now).build();
    }

    /** Moves the room to another department (a forward to a department). */
    public void moveToDepartment(DepartmentId departmentId, Instant now) {
        requireOpen();
        state = state.toBuilder().departmentId(departmentId).updatedAt(now).build();
    }

    /**
     * Closes the room at {@code t} (contract 5.6 step 1): close data, durations, visitor offline, {@code open} removed.
     * The caller records the {@code livechat-close} message next. Duplicate tags are removed, order kept.
     *
     * @throws IllegalStateException when the room is already closed
     */
    public void close(Closer closer, ClosedBy closedBy, List<String> tags, Instant t) {
        requireOpen();
        Instant servedSince = state.servedBy() != null ? state.servedBy().ts() : null;
        state = state.toBuilder()
                .open(false)
                .closedAt(t)
                .closer(closer)
                .closedBy(closedBy)
                .tags(new ArrayList<>(new LinkedHashSet<>(tags == null ? List.of() : tags)))
                .metrics(state.metrics().afterClose(t, state.ts(), servedSince))
                .visitor(state.visitor().withStatus(RoomVisitor.OFFLINE))
                .updatedAt(t)
                .build();
    }

    /** Replaces the survey (no merge with a previous one); allowed on open and closed rooms. */
    public void recordSurvey(SurveyFeedback feedback, Instant now) {
        if (feedback.isEmpty()) {
            throw new IllegalArgumentException("an empty survey is not stored");
        }
        state = state.toBuilder().surveyFeedback(feedback).updatedAt(now).build();
    }

    /** The visitor re-registered with a new name while this room is open: {@code fname} follows. */
    public void renameVisitor(String name, Instant now) {
        requireOpen();
        state = state.toBuilder().fname(name).updatedAt(now).build();
    }

    /**
     * Gives the room to another visitor (contract 3.5 step 7): {@code v._id}, {@code v.username} and {@code v.token}
     * change; status, last message time, {@code fname} and messages stay.
     */
    public void changeVisitor(VisitorId newId, String newUsername, VisitorToken newToken, Instant now) {
        state = state.toBuilder()
                .visitor(state.visitor().reassignedTo(newId, newUsername, newToken))
                .updatedAt(now)
                .build();
    }

    private void requireOpen() {
        if (!state.open()) {
            throw new IllegalStateException("room " + state.id() + " is closed");
        }
    }
}
