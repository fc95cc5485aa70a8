package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.TakeInquiryCommand;
import dev.livechat.application.port.in.TakeInquiryUseCase;
import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent takes a queued inquiry (contract 4.14), under either routing method. The room's compare-and-set is the
 * unit's first write and the inquiry's status-filtered take its second: of concurrent takers exactly one wins, the
 * others answer {@code error-inquiry-taken}.
 */
public final class TakeInquiryService implements TakeInquiryUseCase {

    private static final Map<String, Object> DETAILS = Map.of("method", "livechat:takeInquiry");

    private final UserRepository users;
    private final LoginTokenRepository loginTokens;
    private final InquiryRepository inquiries;
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final DepartmentRepository departments;
    private final AgentRouting routing;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public TakeInquiryService(UserRepository users, LoginTokenRepository loginTokens, InquiryRepository inquiries,
                              RoomRepository rooms, MessageRepository messages, DepartmentRepository departments,
                              AgentRouting routing, IdGenerator ids, TransactionRunner tx, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void takeInquiry(TakeInquiryCommand command) {
        Caller caller = command.caller();
        if (!caller.has(Permission.VIEW_L_ROOM)) {
            throw PermissionDeniedException.routePermission();
        }
        String takerId = command.userId() == null ? caller.id().value() : command.userId();
        if (!takerId.equals(caller.id().value()) && !caller.has(Permission.MANAGE_LIVECHAT_AGENTS)) {
            throw PermissionDeniedException.handlerRefusal();
        }
        User taker = UserId.parse(takerId).flatMap(users::findById)
                .orElseThrow(() -> BusinessRuleException.plain("The user is invalid"));
        Optional<InquiryId> inquiryId = InquiryId.parse(command.inquiryId());
        unitOfWork.run(() -> take(taker, inquiryId));
    }

    private Void take(User taker, Optional<InquiryId> inquiryId) {
        Inquiry inquiry = inquiryId.flatMap(inquiries::findById).orElseThrow(TakeInquiryService::notFound);
        if (inquiry.status() == InquiryStatus.TAKEN) {
            throw taken();
        }
        Instant now = Time.now(clock);
        if (!Availability.isAvailableAgent(taker, loginTokens, now)) {
            throw BusinessRuleException.meteor("error-agent-status-service-offline",
                    "Agent status is offline or Omnichannel service is not active", DETAILS);
        }
        if (inquiry.department() != null && !taker.has(Permission.VIEW_LIVECHAT_ROOMS)
                && !departments.isAgentOf(taker.id(), inquiry.department())) {
            throw BusinessRuleException.meteor("error-not-allowed", "Not allowed", DETAILS);
        }
        Room room = rooms.findById(inquiry.rid()).filter(Room::isOpen).orElseThrow(TakeInquiryService::notFound);
        if (room.servedBy().isPresent()) {
            // a queued inquiry's room has no agent: one here means a concurrent take got the room first
            throw taken();
        }
        List<Message> written = AgentAssignment.assign(room, taker, now, ids);
        StoredRooms.update(rooms, room);
        if (inquiries.takeIfQueued(inquiry.id(), now).isEmpty()) {
            throw taken();
        }
        written.forEach(messages::insert);
        routing.recordAssignment(taker.id(), now);
        return null;
    }

    private static BusinessRuleException notFound() {
        return BusinessRuleException.meteor("error-not-found", "Inquiry not found", DETAILS);
    }

    private static BusinessRuleException taken() {
        return BusinessRuleException.meteor("error-inquiry-taken", "Inquiry already taken", DETAILS);
    }
}
