package dev.livechat.application.service;

import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.InquiryRepository.QueueFilter;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.routing.AgentSelector;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The queue drain of contract 6.5 under Auto_Selection: when an agent may have become a candidate, queued inquiries
 * are dispatched oldest first, each to the best candidate of its department by 6.2 (chat limit included), until the
 * queue is empty or no candidate has room left. Each dispatch is one unit of work under the routing lock, so it is
 * atomic with respect to room openings and other drains; it completes before the triggering request answers. Under
 * Manual_Selection it does nothing. When the store becomes unreachable during a drain, the drain stops and the
 * triggering request still answers its own result, which is stored already: the inquiries not yet dispatched stay
 * queued (each dispatch is all or nothing) and go out with the next trigger. A 503 there would tell the client that
 * its close, login or status change failed when it did not, and its retry would do it twice.
 */
public final class QueueDrain implements CandidateListener {

    private static final int PAGE = 100;
    private static final System.Logger LOG = System.getLogger(QueueDrain.class.getName());

    /** What one dispatch did: assigned; no candidate with room; the inquiry left the queue; its room cannot take one. */
    private enum Dispatch { ASSIGNED, NO_CANDIDATE, GONE, STUCK }

    /** The inquiry stopped being dispatchable after its room was written: the unit is undone where the store can. */
    private static final class InquiryGone extends RuntimeException {
        InquiryGone() {
            super("inquiry left the queue", null, false, false);
        }
    }

    private final InquiryRepository inquiries;
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final UserRepository users;
    private final DepartmentRepository departments;
    private final AgentRouting routing;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final LivechatSettings settings;

    public QueueDrain(InquiryRepository inquiries, RoomRepository rooms, MessageRepository messages,
                      UserRepository users, DepartmentRepository departments, AgentRouting routing, IdGenerator ids,
                      TransactionRunner tx, Clock clock, LivechatSettings settings) {
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.users = Objects.requireNonNull(users, "users");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void candidateMayHaveArrived(UserId agentId) {
        if (settings.routingMethod() == RoutingMethod.AUTO_SELECTION) {
            try {
                drain();
            } catch (StoreUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "queue drain stopped, the store is unavailable: {0}; queued "
                        + "inquiries wait for the next trigger", e.getMessage());
            }
        }
    }

    /**
     * Dispatches what can be dispatched now. Departments found without a candidate with room are skipped for the rest
     * of this drain (assignments only use capacity up); the page is read again after every assignment.
     */
    void drain() {
        Set<Optional<DepartmentId>> full = new HashSet<>();
        int skipped = 0;
        while (true) {
            if (!anyCandidateHasRoom()) {
                return;
            }
            Page<Inquiry> page = inquiries.findQueued(new QueueFilter(true, EnabledDepartments.ids(departments)),
                    ListQueuedInquiriesService.OLDEST_FIRST, skipped, PAGE);
            if (page.items().isEmpty()) {
                return;
            }
            boolean reread = false;
            for (Inquiry inquiry : page.items()) {
                Optional<DepartmentId> department = Optional.ofNullable(inquiry.department());
                if (full.contains(department)) {
                    skipped++;
                    continue;
                }
                Dispatch result = dispatch(inquiry.id());
                if (result == Dispatch.NO_CANDIDATE) {
                    full.add(department);
                    skipped++;
                } else if (result == Dispatch.STUCK) {
                    skipped++;
                } else {
                    // assigned, or taken some other way: either way the queue moved, so read it again
                    reread = true;
                    break;
                }
            }
            if (!reread && page.items().size() < PAGE) {
                return;
            }
        }
    }

    private boolean anyCandidateHasRoom() {
        return AgentSelector.choose(routing.findCandidates(null, Time.now(clock)), Optional.empty(),
                settings.maxChatsPerAgent()).isPresent();
    }

    private Dispatch dispatch(InquiryId id) {
        try {
            return unitOfWork.run(() -> {
                routing.lockRouting();
                Optional<Inquiry> inquiry = inquiries.findById(id).filter(i -> i.status() == InquiryStatus.QUEUED);
                if (inquiry.isEmpty()) {
                    return Dispatch.GONE;
                }
                Optional<Room> room = rooms.findById(inquiry.get().rid())
                        .filter(r -> r.isOpen() && r.servedBy().isEmpty());
                if (room.isEmpty()) {
                    // a queued inquiry whose room is closed or served (a store without transactions interrupted)
                    return Dispatch.STUCK;
                }
                Instant now = Time.now(clock);
                Optional<AgentCandidate> chosen = AgentSelector.choose(
                        routing.findCandidates(inquiry.get().department(), now), Optional.empty(),
                        settings.maxChatsPerAgent());
                if (chosen.isEmpty()) {
                    return Dispatch.NO_CANDIDATE;
                }
                User agent = users.findById(chosen.get().id()).orElseThrow(() ->
                        new IllegalStateException("routing chose an agent that is not stored: " + chosen.get().id()));
                List<Message> written = AgentAssignment.assign(room.get(), agent, now, ids);
                StoredRooms.update(rooms, room.get());
                if (inquiries.takeIfQueued(id, now).isEmpty()) {
                    throw new InquiryGone();
                }
                written.forEach(messages::insert);
                routing.recordAssignment(agent.id(), now);
                return Dispatch.ASSIGNED;
            });
        } catch (InquiryGone e) {
            return Dispatch.GONE;
        }
    }
}
