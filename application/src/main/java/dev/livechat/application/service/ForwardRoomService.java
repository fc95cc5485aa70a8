package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.ForwardRoomCommand;
import dev.livechat.application.port.in.ForwardRoomUseCase;
import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.routing.AgentSelector;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Transfers an open room to an agent, to a department (its agent chosen by Auto_Selection), or to a department's queue
 * under Manual_Selection, with the {@code livechat_transfer_history} and {@code ul} messages (contract 4.17). The
 * room's compare-and-set is the unit's first write; a department choice is made under the routing lock.
 */
public final class ForwardRoomService implements ForwardRoomUseCase {

    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final InquiryRepository inquiries;
    private final UserRepository users;
    private final LoginTokenRepository loginTokens;
    private final DepartmentRepository departments;
    private final AgentRouting routing;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final LivechatSettings settings;
    private final CandidateListener candidates;

    public ForwardRoomService(RoomRepository rooms, MessageRepository messages, InquiryRepository inquiries,
                              UserRepository users, LoginTokenRepository loginTokens, DepartmentRepository departments,
                              AgentRouting routing, IdGenerator ids, TransactionRunner tx, Clock clock,
                              LivechatSettings settings, CandidateListener candidates) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.users = Objects.requireNonNull(users, "users");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
    }

    @Override
    public void forwardRoom(ForwardRoomCommand command) {
        Caller caller = command.caller();
        if (!caller.has(Permission.VIEW_L_ROOM) || !caller.has(Permission.TRANSFER_LIVECHAT_GUEST)) {
            throw PermissionDeniedException.routePermission();
        }
        Optional<ServedBy> previous = unitOfWork.run(() -> forward(caller, command));
        // the previous agent serves one room less: under a chat limit that may make room for a queued chat
        previous.ifPresent(agent -> candidates.candidateMayHaveArrived(agent.id()));
    }

    private Optional<ServedBy> forward(Caller caller, ForwardRoomCommand command) {
        Room room = RoomId.parse(command.roomId()).flatMap(rooms::findById)
                .orElseThrow(() -> BusinessRuleException.plain("error-invalid-room"));
        if (!room.isOpen()) {
            throw BusinessRuleException.plain("This_conversation_is_already_closed");
        }
        if (!RoomAccess.canAccess(caller, room.snapshot(), departments)) {
            // unreachable with the fixed roles (transfer-livechat-guest comes with view-livechat-rooms); kept so that
            // the rule of contract 1.12 holds for every caller
            throw Errors.notAllowed();
        }
        String userId = blankToNull(command.userId());
        String departmentId = blankToNull(command.departmentId());
        if (userId == null && departmentId == null) {
            throw BusinessRuleException.plain("error-forwarding-chat");
        }
        Department target = null;
        if (departmentId != null) {
            target = DepartmentId.parse(departmentId).flatMap(departments::findById)
                    .orElseThrow(() -> BusinessRuleException.plain("error-invalid-department"));
            if (target.id().equals(room.departmentId().orElse(null))) {
                throw BusinessRuleException.plain("error-forwarding-chat-same-department");
            }
        }
        boolean autoSelection = settings.routingMethod() == RoutingMethod.AUTO_SELECTION;
        if (userId == null && autoSelection) {
            routing.lockRouting();
        }
        Instant now = Time.now(clock);
        Optional<ServedBy> previous = room.servedBy();
        User agent = null;
        if (userId != null) {
            agent = UserId.parse(userId).flatMap(users::findById)
                    .filter(user -> Availability.isAvailableAgent(user, loginTokens, now))
                    .orElseThrow(() -> BusinessRuleException.plain("error-user-is-offline"));
            if (target != null && !departments.isAgentOf(agent.id(), target.id())) {
                throw BusinessRuleException.plain("error-user-not-belong-to-department");
            }
            if (target == null && room.isServedBy(agent.id())) {
                throw BusinessRuleException.plain("error-selected-agent-room-agent-are-same");
            }
        } else if (autoSelection) {
            List<AgentCandidate> others = routing.findCandidates(target.id(), now).stream()
                    .filter(c -> previous.map(p -> !p.id().equals(c.id())).orElse(true))
                    .toList();
            if (others.isEmpty()) {
                throw BusinessRuleException.plain("error-no-agents-online-in-department");
            }
            // every candidate at the chat limit: the room waits in the department's queue for the drain
            Optional<AgentCandidate> chosen = AgentSelector.choose(others, Optional.empty(), settings.maxChatsPerAgent());
            if (chosen.isPresent()) {
                agent = users.findById(chosen.get().id()).orElseThrow(() -> new IllegalStateException(
                        "routing chose an agent that is not stored: " + chosen.get().id()));
            }
        }

        TransferData transfer = transferData(caller, room, command, target, agent, now);
        List<Message> written = new ArrayList<>();
        if (target != null) {
            room.moveToDepartment(target.id(), now);
        }
        if (agent != null) {
            written.addAll(AgentAssignment.assign(room, agent, now, ids));
        }
        Message history = Message.transferHistory(new MessageId(ids.newId()), room.id(), now, Authors.of(caller),
                transfer);
        room.record(history);
        written.add(history);
        User assigned = agent;
        if (previous.isPresent() && (assigned == null || !previous.get().id().equals(assigned.id()))) {
            Message left = Message.system(MessageType.USER_LEFT, new MessageId(ids.newId()), room.id(),
                    previous.get().username(), now, author(previous.get()));
            room.record(left);
            written.add(left);
        }
        if (agent == null) {
            room.returnToQueue(now);
        }

        StoredRooms.update(rooms, room);
        written.forEach(messages::insert);
        Optional<Inquiry> inquiry = inquiries.findByRoomId(room.id());
        if (inquiry.isPresent()) {
            Inquiry next = agent != null ? inquiry.get().take(now) : inquiry.get().requeue(now);
            if (target != null) {
                next = next.inDepartment(target.id(), now);
            }
            inquiries.update(next);
        }
        if (agent != null) {
            routing.recordAssignment(agent.id(), now);
        }
        return previous.filter(p -> assigned == null || !p.id().equals(assigned.id()));
    }

    private static TransferData transferData(Caller caller, Room room, ForwardRoomCommand command, Department target,
                                             User agent, Instant now) {
        String type = room.isServedBy(caller.id()) ? "agent" : "user";
        TransferData.Party by = new TransferData.Party(caller.id().value(), caller.username(), caller.name(), type);
        boolean onlyAgent = blankToNull(command.departmentId()) == null;
        String previousDepartment = target == null ? null : room.departmentId().map(DepartmentId::value).orElse(null);
        TransferData.NextDepartment next = target == null ? null
                : new TransferData.NextDepartment(target.id().value(), target.name());
        TransferData.Party to = blankToNull(command.userId()) == null || agent == null ? null
                : new TransferData.Party(agent.id().value(), agent.username(), agent.name().orElse(null), null);
        return new TransferData(by, now, onlyAgent ? "agent" : "department", command.comment(), previousDepartment, next,
                to);
    }

    private MessageAuthor author(ServedBy agent) {
        return users.findById(agent.id()).map(Authors::of)
                .orElseGet(() -> new MessageAuthor(agent.id().value(), agent.username(), null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
