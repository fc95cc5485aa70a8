package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.CreateDepartmentCommand;
import dev.livechat.application.port.in.DepartmentAgentData;
import dev.livechat.application.port.in.DepartmentData;
import dev.livechat.application.port.in.LivechatUserCommand;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.FaultInjectingStore;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.application.testing.MutableClock;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue drain of contract 6.5: queued rooms are assigned, oldest first, as soon as an agent can take them. */
class QueueDrainTest {

    private static LivechatSettings settings(RoutingMethod method, int maxChats) {
        return new LivechatSettings(method, true, maxChats, LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test");
    }

    private static RoomSnapshot open(InMemoryLivechat app, String token, String department) {
        app.registerVisitor(token, token, department);
        RoomSnapshot room = app.openRoom(token);
        app.clock().advanceMillis(1_000);
        return room;
    }

    private static UserId servedBy(InMemoryLivechat app, RoomSnapshot room) {
        RoomSnapshot stored = app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
        return stored.servedBy() == null ? null : stored.servedBy().id();
    }

    private static InquiryStatus status(InMemoryLivechat app, RoomSnapshot room) {
        return app.stores().inquiries().findByRoomId(room.id()).orElseThrow().status();
    }

    @Test
    void aLoginOfAnAvailableAgentDrainsTheQueueOldestFirstWithinTheChatLimit() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, 2));
        app.storeUser("faria", Role.USER, Role.LIVECHAT_AGENT);
        RoomSnapshot first = open(app, "v1", null);
        RoomSnapshot second = open(app, "v2", null);
        RoomSnapshot third = open(app, "v3", null);
        assertThat(List.of(first, second, third)).allSatisfy(r -> assertThat(r.servedBy()).isNull());

        Session faria = app.logIn("faria");

        assertThat(servedBy(app, first)).isEqualTo(faria.userId());
        assertThat(servedBy(app, second)).isEqualTo(faria.userId());
        assertThat(servedBy(app, third)).as("over the chat limit").isNull();
        assertThat(status(app, first)).isEqualTo(InquiryStatus.TAKEN);
        assertThat(status(app, third)).isEqualTo(InquiryStatus.QUEUED);
        assertThat(app.stores().messages().findByRoom(first.id())).extracting(Message::type)
                .containsExactly(MessageType.LIVECHAT_STARTED, MessageType.COMMAND, MessageType.USER_JOINED);

        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(faria.caller(), first.id().value(), null,
                List.of()));
        assertThat(servedBy(app, third)).as("a closed room made room").isEqualTo(faria.userId());
    }

    @Test
    void aDrainThatLosesTheStoreAtAnyStepStopsQuietlyAndTheNextTriggerFinishesIt() {
        for (int n = 1; ; n++) {
            InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, 0), new MutableClock(
                    InMemoryLivechat.DEFAULT_START), CandidateListener.NONE);
            app.storeUser("faria", Role.USER, Role.LIVECHAT_AGENT);
            List<RoomSnapshot> queued = List.of(open(app, "v1", null), open(app, "v2", null), open(app, "v3", null));
            Session faria = app.logIn("faria");
            FaultInjectingStore faults = FaultInjectingStore.around(app.stores().stores());
            StorePorts s = faults.ports();
            QueueDrain drain = new QueueDrain(s.inquiries(), s.rooms(), s.messages(), s.users(), s.departments(),
                    s.routing(), app.ids(), s.transactions(), app.clock(), app.settings());

            faults.failAtCall(n);
            drain.candidateMayHaveArrived(faria.userId()); // never throws: the trigger's own work is stored
            int failures = faults.failures();
            faults.disarm();
            // each dispatch is all or nothing: a room is served exactly when its inquiry is taken
            for (RoomSnapshot room : queued) {
                assertThat(servedBy(app, room) != null).isEqualTo(status(app, room) == InquiryStatus.TAKEN);
            }
            drain.candidateMayHaveArrived(faria.userId());
            assertThat(queued).allSatisfy(room -> assertThat(servedBy(app, room)).isEqualTo(faria.userId()));
            if (failures == 0) {
                assertThat(n).as("the drain made store calls").isGreaterThan(10);
                return;
            }
        }
    }

    @Test
    void eachQueuedRoomGoesToTheBestCandidateOfItsDepartment() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, 0));
        Session manager = app.createManager("manager");
        app.storeUser("faria", Role.USER, Role.LIVECHAT_AGENT);
        app.storeUser("omar", Role.USER, Role.LIVECHAT_AGENT);
        UserId omarId = app.stores().users().findByUsername("omar").orElseThrow().id();
        app.createDepartment().createDepartment(new CreateDepartmentCommand(manager.caller(),
                new DepartmentData("Sales", "s@example.com", true, true, true, null),
                List.of(new DepartmentAgentData(omarId.value(), null, null))));
        RoomSnapshot sales = open(app, "sales", "Sales");
        RoomSnapshot plain1 = open(app, "plain1", null);
        RoomSnapshot plain2 = open(app, "plain2", null);

        Session faria = app.logIn("faria");
        assertThat(servedBy(app, sales)).as("faria is not in Sales").isNull();
        assertThat(servedBy(app, plain1)).isEqualTo(faria.userId());
        assertThat(servedBy(app, plain2)).isEqualTo(faria.userId());

        Session omar = app.logIn("omar");
        assertThat(servedBy(app, sales)).isEqualTo(omar.userId());
    }

    @Test
    void switchingToAvailableAndBecomingAnAgentTriggerTheDrain() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, 0));
        Session manager = app.createManager("manager");
        Session faria = app.createAgent("faria");
        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "not-available", null));
        RoomSnapshot first = open(app, "v1", null);
        assertThat(servedBy(app, first)).isNull();

        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "available", null));
        assertThat(servedBy(app, first)).isEqualTo(faria.userId());

        Session omar = app.createUser("omar", Role.USER);
        RoomSnapshot second = open(app, "v2", null);
        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "not-available", null));
        RoomSnapshot third = open(app, "v3", null);
        assertThat(servedBy(app, third)).isNull();
        app.livechatUsers().addLivechatUser(new LivechatUserCommand(manager.caller(), "agent", "omar"));
        assertThat(servedBy(app, third)).isEqualTo(omar.userId());
        assertThat(servedBy(app, second)).isEqualTo(faria.userId());
    }

    @Test
    void underManualSelectionNothingIsDrained() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.MANUAL_SELECTION, 0));
        app.storeUser("faria", Role.USER, Role.LIVECHAT_AGENT);
        RoomSnapshot room = open(app, "v1", null);

        app.logIn("faria");

        assertThat(servedBy(app, room)).isNull();
        assertThat(status(app, room)).isEqualTo(InquiryStatus.QUEUED);
    }

    @Test
    void concurrentOpeningsAndDrainsNeverExceedTheLimitNorAssignARoomTwice() {
        InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION, 3));
        List<String> agents = List.of("a1", "a2", "a3");
        agents.forEach(name -> app.storeUser(name, Role.USER, Role.LIVECHAT_AGENT));
        for (int i = 0; i < 5; i++) {
            open(app, "early-" + i, null);
        }
        int visitors = 12;
        for (int i = 0; i < visitors; i++) {
            app.registerVisitor("late-" + i);
        }

        List<Concurrently.Outcome<Void>> outcomes = Concurrently.runAll(visitors + agents.size(), i -> {
            if (i < visitors) {
                app.openRoom("late-" + i);
            } else {
                app.logIn(agents.get(i - visitors));
            }
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<RoomSnapshot> rooms = app.stores().allRooms();
        assertThat(rooms).hasSize(5 + visitors);
        Map<UserId, Long> load = rooms.stream().filter(r -> r.servedBy() != null)
                .collect(Collectors.groupingBy(r -> r.servedBy().id(), Collectors.counting()));
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isEqualTo(3));
        assertThat(load).hasSize(3);
        assertThat(rooms).allSatisfy(r -> assertThat(r.usersCount()).isLessThanOrEqualTo(2));
        List<RoomId> servedIds = rooms.stream().filter(r -> r.servedBy() != null).map(RoomSnapshot::id).toList();
        assertThat(app.stores().allInquiries()).allSatisfy(i -> assertThat(i.status())
                .isEqualTo(servedIds.contains(i.rid()) ? InquiryStatus.TAKEN : InquiryStatus.QUEUED));
        assertThat(app.stores().allMessages().stream().filter(m -> m.type() == MessageType.USER_JOINED)).hasSize(9);
    }
}
