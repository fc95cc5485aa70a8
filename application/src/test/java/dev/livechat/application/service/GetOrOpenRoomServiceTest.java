package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.GetRoomCommand;
import dev.livechat.application.port.in.RoomResult;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.application.testing.MutableClock;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomMetrics;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.User;
import dev.livechat.domain.visitor.LastChat;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET livechat/room}: the visitor's open room, or a new one routed per section 6 (contract 3.3, 5.3, 6). */
class GetOrOpenRoomServiceTest {

    private static final LivechatSettings AUTO = LivechatSettings.defaults("test");

    private static LivechatSettings settings(RoutingMethod method, boolean acceptWithoutAgents, int maxChats) {
        return new LivechatSettings(method, acceptWithoutAgents, maxChats, LivechatSettings.DEFAULT_LOGIN_EXPIRATION,
                "test");
    }

    private static RoomResult get(InMemoryLivechat app, String token, String rid, String agentId) {
        return app.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand(token, rid, agentId, RoomSource.API));
    }

    private static UserId servedBy(RoomSnapshot room) {
        return room.servedBy() == null ? null : room.servedBy().id();
    }

    @Test
    void aNewRoomIsCreatedStartedQueuedAndAssignedWithInstantsInOrder() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        Session faria = app.createAgent("faria.masood");
        Department sales = app.createDepartment("Sales", true, faria);
        Visitor maria = app.registerVisitor("8s7e9ony6ctl27e1qf8kue", "Maria", sales.name());
        Instant opened = app.clock().peek();
        app.clock().tickOnEveryRead(Duration.ofMillis(10));

        RoomResult result = get(app, "8s7e9ony6ctl27e1qf8kue", null, null);

        assertThat(result.newRoom()).isTrue();
        RoomSnapshot room = result.room();
        Instant assigned = room.servedBy().ts();
        assertThat(assigned).isAfter(opened);
        assertThat(room.ts()).isEqualTo(opened);
        assertThat(room.lm()).isEqualTo(opened);
        assertThat(room.msgs()).isEqualTo(3);
        assertThat(room.usersCount()).isEqualTo(2);
        assertThat(room.fname()).isEqualTo("Maria");
        assertThat(room.departmentId()).isEqualTo(sales.id());
        assertThat(room.visitor()).isEqualTo(new RoomVisitor(maria.id(), maria.username(), maria.token(), "online",
                null));
        assertThat(room.open()).isTrue();
        assertThat(room.waitingResponse()).isTrue();
        assertThat(room.responseBy()).isNull();
        assertThat(room.metrics()).isEqualTo(RoomMetrics.NONE);
        assertThat(room.source()).isEqualTo(RoomSource.API);
        assertThat(room.servedBy()).isEqualTo(new ServedBy(faria.userId(), "faria.masood", assigned));
        assertThat(room.updatedAt()).isEqualTo(assigned);
        assertThat(room.lastMessage().type()).isEqualTo(MessageType.LIVECHAT_STARTED);
        assertThat(room.lastMessage().ts()).isEqualTo(opened);
        assertThat(room.lastMessage().author()).isEqualTo(new MessageAuthor(maria.id().value(), maria.username(),
                "Maria"));
        assertThat(app.stores().rooms().findById(room.id()).orElseThrow().snapshot()).isEqualTo(room);

        List<Message> messages = app.stores().messages().findByRoom(room.id());
        MessageAuthor agent = new MessageAuthor(faria.userId().value(), "faria.masood", "Faria.masood");
        assertThat(messages).extracting(Message::type)
                .containsExactly(MessageType.LIVECHAT_STARTED, MessageType.COMMAND, MessageType.USER_JOINED);
        assertThat(messages).extracting(Message::msg).containsExactly("", "connected", "");
        assertThat(messages).extracting(Message::ts).containsExactly(opened, assigned, assigned);
        assertThat(messages.subList(1, 3)).extracting(Message::author).containsOnly(agent);

        Inquiry inquiry = app.stores().inquiries().findByRoomId(room.id()).orElseThrow();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.TAKEN);
        assertThat(inquiry.takenAt()).isEqualTo(assigned);
        assertThat(inquiry.queuedAt()).isNull();
        assertThat(inquiry.ts()).isEqualTo(opened);
        assertThat(inquiry.name()).isEqualTo("Maria");
        assertThat(inquiry.department()).isEqualTo(sales.id());
        assertThat(inquiry.visitor()).isEqualTo(room.visitor());
        assertThat(inquiry.source()).isEqualTo(RoomSource.API);

        assertThat(app.stores().visitors().findById(maria.id()).orElseThrow().lastChat())
                .contains(new LastChat(room.id(), opened));
        assertThat(app.stores().routing().findCandidates(null, app.clock().peek()))
                .extracting(AgentCandidate::lastAssignedAt).containsExactly(assigned);
    }

    @Test
    void theOpenRoomIsAnsweredAgainAndRidMustNameThisVisitorsOpenRoom() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.createAgent("faria");
        app.registerVisitor("token");
        app.registerVisitor("other");
        RoomSnapshot room = get(app, "token", null, null).room();
        RoomSnapshot othersRoom = get(app, "other", null, null).room();

        assertThat(get(app, "token", null, null)).isEqualTo(new RoomResult(room, false));
        assertThat(get(app, "token", room.id().value(), null)).isEqualTo(new RoomResult(room, false));
        assertThat(get(app, "token", null, "anyAgentId")).isEqualTo(new RoomResult(room, false));
        assertThat(get(app, "token", "", "")).as("empty means absent").isEqualTo(new RoomResult(room, false));
        Expect.plain(() -> get(app, "token", othersRoom.id().value(), null), "invalid-room");
        Expect.plain(() -> get(app, "token", "unknownRoomId", null), "invalid-room");
        Expect.plain(() -> get(app, "token", "../etc", null), "invalid-room");

        app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("token", room.id().value()));
        Expect.plain(() -> get(app, "token", room.id().value(), null), "invalid-room");
        RoomResult next = get(app, "token", null, null);
        assertThat(next.newRoom()).isTrue();
        assertThat(next.room().id()).isNotEqualTo(room.id());
    }

    @Test
    void anUnknownTokenIsInvalid() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.createAgent("faria");
        app.registerVisitor("token");

        for (String token : new String[]{"TOKEN", "unknown", "", "x".repeat(257)}) {
            Expect.plain(() -> get(app, token, null, null), "invalid-token");
        }
    }

    @Test
    void withoutAvailableAgentsNothingIsCreated() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.storeUser("offline", dev.livechat.domain.user.Role.USER, dev.livechat.domain.user.Role.LIVECHAT_AGENT);
        Session away = app.createAgent("away");
        app.agentStatus().setAgentStatus(new dev.livechat.application.port.in.SetAgentStatusCommand(away.caller(),
                "not-available", null));
        Visitor visitor = app.registerVisitor("token");

        Expect.meteor(() -> get(app, "token", null, null), "no-agent-online", "Sorry, no online agents");

        assertThat(app.stores().allRooms()).isEmpty();
        assertThat(app.stores().allMessages()).isEmpty();
        assertThat(app.stores().allInquiries()).isEmpty();
        assertThat(app.stores().visitors().findById(visitor.id())).contains(visitor);
    }

    @Test
    void theVisitorsDepartmentRestrictsTheCandidates() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        Session faria = app.createAgent("faria");
        Session omar = app.createAgent("omar");
        Department sales = app.createDepartment("Sales", true, faria);
        Department support = app.createDepartment("Support", true, omar);
        Department closedDesk = app.createDepartment("Closed", false, faria, omar);
        app.registerVisitor("sales-visitor", null, sales.name());
        app.registerVisitor("support-visitor", null, support.name());
        app.registerVisitor("closed-visitor", null, closedDesk.name());
        app.registerVisitor("anywhere");

        assertThat(servedBy(get(app, "sales-visitor", null, omar.userId().value()).room())).isEqualTo(faria.userId());
        assertThat(servedBy(get(app, "support-visitor", null, null).room())).isEqualTo(omar.userId());
        Expect.meteor(() -> get(app, "closed-visitor", null, null), "no-agent-online", "Sorry, no online agents");
        RoomSnapshot anywhere = get(app, "anywhere", null, null).room();
        assertThat(anywhere.departmentId()).isNull();
        assertThat(servedBy(anywhere)).isIn(faria.userId(), omar.userId());
    }

    @Test
    void thePreferredAgentIsHonouredOnlyWhenACandidate() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        Session alice = app.createAgent("alice");
        Session bob = app.createAgent("bob");
        Session away = app.createAgent("carol");
        app.agentStatus().setAgentStatus(new dev.livechat.application.port.in.SetAgentStatusCommand(away.caller(),
                "not-available", null));
        for (String token : List.of("v1", "v2", "v3", "v4")) {
            app.registerVisitor(token);
        }

        assertThat(servedBy(get(app, "v1", null, bob.userId().value()).room())).isEqualTo(bob.userId());
        assertThat(servedBy(get(app, "v2", null, away.userId().value()).room())).as("not available: ignored")
                .isEqualTo(alice.userId());
        assertThat(servedBy(get(app, "v3", null, "not/an-id").room())).isIn(alice.userId(), bob.userId());
        assertThat(servedBy(get(app, "v4", null, "unknownAgentId").room())).isIn(alice.userId(), bob.userId());
    }

    @Test
    void manualSelectionQueuesTheRoomAndIgnoresThePreferredAgent() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.MANUAL_SELECTION, false, 0));
        Session faria = app.createAgent("faria");
        app.registerVisitor("token");

        RoomResult result = get(app, "token", null, faria.userId().value());

        RoomSnapshot room = result.room();
        assertThat(result.newRoom()).isTrue();
        assertThat(room.servedBy()).isNull();
        assertThat(room.msgs()).isEqualTo(1);
        assertThat(room.usersCount()).isEqualTo(1);
        assertThat(room.updatedAt()).isEqualTo(room.ts());
        Inquiry inquiry = app.stores().inquiries().findByRoomId(room.id()).orElseThrow();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.QUEUED);
        assertThat(inquiry.queuedAt()).isEqualTo(room.ts());
        assertThat(inquiry.takenAt()).isNull();
    }

    @Test
    void manualSelectionStillNeedsAnAvailableAgentUnlessChatsWithoutAgentsAreAccepted() {
        InMemoryLivechat refusing = new InMemoryLivechat(settings(RoutingMethod.MANUAL_SELECTION, false, 0));
        refusing.registerVisitor("token");
        Expect.meteor(() -> get(refusing, "token", null, null), "no-agent-online", "Sorry, no online agents");

        InMemoryLivechat accepting = new InMemoryLivechat(settings(RoutingMethod.MANUAL_SELECTION, true, 0));
        accepting.registerVisitor("token");
        assertThat(get(accepting, "token", null, null).newRoom()).isTrue();
    }

    @Test
    void acceptingChatsWithoutAgentsQueuesUnderAutoSelection() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, true, 0));
        app.registerVisitor("token");

        RoomResult result = get(app, "token", null, null);

        assertThat(result.newRoom()).isTrue();
        assertThat(result.room().servedBy()).isNull();
        assertThat(app.stores().inquiries().findByRoomId(result.room().id()).orElseThrow().status())
                .isEqualTo(InquiryStatus.QUEUED);
    }

    @Test
    void agentsAtTheChatLimitAreSkippedAndWhenAllAreFullTheRoomWaits() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, false, 1));
        Session faria = app.createAgent("faria");
        Session omar = app.createAgent("omar");
        for (String token : List.of("v1", "v2", "v3")) {
            app.registerVisitor(token);
        }

        assertThat(servedBy(get(app, "v1", null, null).room())).isEqualTo(faria.userId());
        assertThat(servedBy(get(app, "v2", null, faria.userId().value()).room())).as("preferred but full")
                .isEqualTo(omar.userId());
        RoomSnapshot waiting = get(app, "v3", null, null).room();
        assertThat(waiting.servedBy()).isNull();
        assertThat(app.stores().inquiries().findByRoomId(waiting.id()).orElseThrow().status())
                .isEqualTo(InquiryStatus.QUEUED);
    }

    @Test
    void theWidgetSourceIsKept() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.createAgent("faria");
        app.registerVisitor("token");

        RoomSnapshot room = app.getOrOpenRoom().getOrOpenRoom(new GetRoomCommand("token", null, null,
                RoomSource.WIDGET)).room();

        assertThat(room.source()).isEqualTo(RoomSource.WIDGET);
        assertThat(app.stores().inquiries().findByRoomId(room.id()).orElseThrow().source())
                .isEqualTo(RoomSource.WIDGET);
    }

    @Test
    void fortyConcurrentRequestsOfANewVisitorOpenOneRoom() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.createAgent("faria");
        app.createAgent("omar");
        app.registerVisitor("token");

        List<Outcome<RoomResult>> outcomes = Concurrently.run(40, i -> get(app, "token", null, null));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).extracting(o -> o.value().room().id()).containsOnly(outcomes.get(0).value().room().id());
        assertThat(outcomes).filteredOn(o -> o.value().newRoom()).hasSize(1);
        assertThat(app.stores().allRooms()).hasSize(1);
        assertThat(app.stores().allInquiries()).hasSize(1);
        assertThat(app.stores().allMessages()).hasSize(3);
        assertThat(app.stores().routing().findCandidates(null, app.clock().peek()))
                .extracting(AgentCandidate::openRooms).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aLostRaceForTheOpenRoomLeavesNoTraceAndAnswersTheWinnersRoom() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.createAgent("faria");
        Visitor visitor = app.registerVisitor("token");
        RoomSnapshot winner = app.openRoom("token");
        Visitor afterWinner = app.stores().visitors().findById(visitor.id()).orElseThrow();
        int messagesBefore = app.stores().allMessages().size();
        List<AgentCandidate> routingBefore = app.stores().routing().findCandidates(null, app.clock().peek());
        app.clock().advanceMillis(1_000);
        AtomicInteger blindLookups = new AtomicInteger(1);
        RoomRepository racing = new LateRooms(app.stores().rooms(), blindLookups);
        GetOrOpenRoomService service = new GetOrOpenRoomService(app.stores().visitors(), racing,
                app.stores().messages(), app.stores().inquiries(), app.stores().users(), app.stores().routing(),
                app.ids(), app.stores().transactions(), app.clock(), AUTO);

        RoomResult result = service.getOrOpenRoom(new GetRoomCommand("token", null, null, RoomSource.API));

        assertThat(result).isEqualTo(new RoomResult(winner, false));
        assertThat(blindLookups).hasValue(0);
        assertThat(app.stores().allRooms()).containsExactly(winner);
        assertThat(app.stores().allMessages()).hasSize(messagesBefore);
        assertThat(app.stores().allInquiries()).hasSize(1);
        assertThat(app.stores().visitors().findById(visitor.id())).contains(afterWinner);
        assertThat(app.stores().routing().findCandidates(null, app.clock().peek())).isEqualTo(routingBefore);
    }

    @Test
    void autoSelectionSpreadsConcurrentOpeningsEvenlyWithinTheChatLimit() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, false, 4));
        List<Session> agents = List.of(app.createAgent("agent-a"), app.createAgent("agent-b"),
                app.createAgent("agent-c"));
        int visitors = 30;
        for (int i = 0; i < visitors; i++) {
            app.registerVisitor("visitor-" + i);
        }

        List<Outcome<RoomResult>> first = Concurrently.run(9, i -> get(app, "visitor-" + i, null, null));
        assertThat(first).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(first.stream().collect(Collectors.groupingBy(o -> servedBy(o.value().room()),
                Collectors.counting()))).containsOnlyKeys(agents.stream().map(Session::userId).toList())
                .allSatisfy((agent, count) -> assertThat(count).isEqualTo(3));

        List<Outcome<RoomResult>> rest = Concurrently.run(visitors - 9, i -> get(app, "visitor-" + (i + 9), null,
                null));
        assertThat(rest).allSatisfy(o -> assertThat(o.failure()).isNull());
        Map<UserId, Long> load = app.stores().allRooms().stream().filter(r -> r.servedBy() != null)
                .collect(Collectors.groupingBy(r -> r.servedBy().id(), Collectors.counting()));
        assertThat(load).containsOnlyKeys(agents.stream().map(Session::userId).toList())
                .allSatisfy((agent, count) -> assertThat(count).isEqualTo(4));
        assertThat(app.stores().allRooms()).hasSize(visitors);
        assertThat(app.stores().allRooms()).filteredOn(r -> r.servedBy() == null).hasSize(visitors - 12);
    }

    /** Rooms whose open-room lookup misses a concurrent winner a number of times, as in a race between requests. */
    private record LateRooms(RoomRepository delegate, AtomicInteger blindLookups) implements RoomRepository {
        @Override
        public void insert(RoomSnapshot room) {
            delegate.insert(room);
        }

        @Override
        public Optional<Room> findById(RoomId id) {
            return delegate.findById(id);
        }

        @Override
        public Optional<Room> findOpenByVisitorToken(VisitorToken token) {
            if (blindLookups.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.empty();
            }
            return delegate.findOpenByVisitorToken(token);
        }

        @Override
        public List<Room> findOpenByVisitorId(VisitorId visitorId) {
            return delegate.findOpenByVisitorId(visitorId);
        }

        @Override
        public void update(RoomSnapshot room) {
            delegate.update(room);
        }

        @Override
        public List<RoomId> findIdsByVisitorId(VisitorId visitorId) {
            return delegate.findIdsByVisitorId(visitorId);
        }

        @Override
        public void delete(RoomId id) {
            delegate.delete(id);
        }
    }

    @Test
    void anAgentWhoLoggedOutIsNoCandidate() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        Session faria = app.createAgent("faria");
        app.logout().logout(new dev.livechat.application.port.in.LogoutCommand(faria.caller(), faria.authToken()));
        app.registerVisitor("token");
        User stored = app.stores().users().findById(faria.userId()).orElseThrow();

        assertThat(stored.statusLivechat()).contains(AgentStatus.AVAILABLE);
        Expect.meteor(() -> get(app, "token", null, null), "no-agent-online", "Sorry, no online agents");
    }

    @Test
    void aNamelessVisitorsRoomIsNamedAfterTheGuest() {
        InMemoryLivechat app = new InMemoryLivechat(AUTO);
        app.createAgent("faria");
        Visitor visitor = app.registerVisitor("token");

        RoomSnapshot room = app.openRoom("token");

        assertThat(room.fname()).isEqualTo(visitor.username());
        assertThat(room.lastMessage().author().name()).isNull();
        MutableClock clock = app.clock();
        assertThat(room.ts()).isEqualTo(clock.peek());
    }
}
