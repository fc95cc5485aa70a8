package dev.livechat.application.service;

import dev.livechat.application.port.in.GetOrOpenRoomUseCase;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.RoomResult;
import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.routing.AgentSelector;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.LastChat;
import dev.livechat.domain.visitor.Visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the visitor's open room or opens a new one, routed by the server's method, with at most one open room per
 * visitor even under concurrent requests (contract 3.3, 6).
 */
public final class GetOrOpenRoomService implements GetOrOpenRoomUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final InquiryRepository inquiries;
    private final UserRepository users;
    private final AgentRouting routing;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final LivechatSettings settings;

    public GetOrOpenRoomService(VisitorRepository visitors, RoomRepository rooms, MessageRepository messages,
                                InquiryRepository inquiries, UserRepository users, AgentRouting routing,
                                IdGenerator ids, TransactionRunner tx, Clock clock, LivechatSettings settings) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.users = Objects.requireNonNull(users, "users");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public RoomResult getOrOpenRoom(GetRoomCommand command) {
        Visitor visitor = VisitorToken.parse(command.token()).flatMap(visitors::findByToken)
                .orElseThrow(Errors::invalidToken);
        if (command.rid() != null && !command.rid().isEmpty()) {
            return RoomId.parse(command.rid()).flatMap(rooms::findById)
                    .filter(room -> room.isOpen() && room.visitorToken().equals(visitor.token()))
                    .map(room -> new RoomResult(room.snapshot(), false))
                    .orElseThrow(Errors::invalidRoom);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Room> open = rooms.findOpenByVisitorToken(visitor.token());
            if (open.isPresent()) {
                return new RoomResult(open.get().snapshot(), false);
            }
            try {
                return new RoomResult(unitOfWork.run(() -> open(visitor.id(), command)), true);
            } catch (UniqueConstraintViolation e) {
                if (e.constraint() != UniqueConstraintViolation.Constraint.OPEN_ROOM_PER_VISITOR) {
                    throw e;
                }
                // a concurrent request opened the visitor's room first and our unit left no trace: answer that room
                UnitOfWork.beforeNextAttempt(attempt, e);
            }
        }
    }

    /**
     * One attempt at opening a room. The room insert is the unit's first write, so that losing the race for the
     * visitor's open room changes nothing; every other write follows it.
     */
    private RoomSnapshot open(VisitorId visitorId, GetRoomCommand command) {
        Visitor visitor = visitors.findById(visitorId).orElseThrow(Errors::invalidToken);
        DepartmentId department = visitor.department().orElse(null);
        boolean autoSelection = settings.routingMethod() == RoutingMethod.AUTO_SELECTION;
        if (autoSelection) {
            routing.lockRouting();
        }
        Instant openedAt = Time.now(clock);
        List<AgentCandidate> candidates = routing.findCandidates(department, openedAt);
        if (candidates.isEmpty() && !settings.acceptChatsWithNoAgents()) {
            throw BusinessRuleException.meteor("no-agent-online", "Sorry, no online agents");
        }
        Optional<AgentCandidate> chosen = autoSelection
                ? AgentSelector.choose(candidates, preferredAgent(command.agentId()), settings.maxChatsPerAgent())
                : Optional.empty();

        RoomSource source = command.source() == null ? RoomSource.API : command.source();
        Room room = Room.open(new RoomId(ids.newId()), visitor.id(), visitor.username(), visitor.token(),
                visitor.name().orElse(null), department, source, openedAt);
        Message started = Message.system(MessageType.LIVECHAT_STARTED, new MessageId(ids.newId()), room.id(), "",
                openedAt, Authors.of(visitor));
        room.record(started);
        Inquiry inquiry = Inquiry.queue(new InquiryId(ids.newId()), room.snapshot(), openedAt);
        List<Message> written = new ArrayList<>(List.of(started));
        User agent = null;
        Instant assignedAt = null;
        if (chosen.isPresent()) {
            agent = users.findById(chosen.get().id()).orElseThrow(() ->
                    new IllegalStateException("routing chose an agent that is not stored: " + chosen.get().id()));
            assignedAt = Time.now(clock);
            written.addAll(AgentAssignment.assign(room, agent, assignedAt, ids));
            inquiry = inquiry.take(assignedAt);
        }

        rooms.insert(room.snapshot());
        written.forEach(messages::insert);
        inquiries.insert(inquiry);
        visitors.update(visitor.withLastChat(new LastChat(room.id(), openedAt), openedAt));
        if (agent != null) {
            routing.recordAssignment(agent.id(), assignedAt);
        }
        return room.snapshot();
    }

    private static Optional<UserId> preferredAgent(String agentId) {
        return agentId == null || agentId.isEmpty() ? Optional.empty() : UserId.parse(agentId);
    }
}
