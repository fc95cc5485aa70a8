package dev.livechat.application.service;

import dev.livechat.application.port.in.DeleteDepartmentCommand;
import dev.livechat.application.port.in.QueuedInquiriesQuery;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.in.TakeInquiryCommand;
import dev.livechat.application.testing.Concurrently;
import dev.livechat.application.testing.Concurrently.Outcome;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue under Manual_Selection: {@code inquiries.queued} and {@code inquiries.take} (contract 4.13, 4.14, 6.1). */
class QueueServicesTest {

    private static final Map<String, Object> TAKE_DETAILS = Map.of("method", "livechat:takeInquiry");

    private final InMemoryLivechat app = new InMemoryLivechat(new LivechatSettings(RoutingMethod.MANUAL_SELECTION,
            false, 0, LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test"));

    private List<RoomId> queued(Session caller, String department) {
        return app.queuedInquiries().listQueuedInquiries(new QueuedInquiriesQuery(caller.caller(), department,
                List.of(), 0, 50)).items().stream().map(Inquiry::rid).toList();
    }

    private RoomSnapshot open(String token, String department) {
        app.registerVisitor(token, token, department);
        RoomSnapshot room = app.openRoom(token);
        app.clock().advanceMillis(1_000);
        return room;
    }

    private Inquiry inquiryOf(RoomSnapshot room) {
        return app.stores().inquiries().findByRoomId(room.id()).orElseThrow();
    }

    private void take(Session caller, RoomSnapshot room, String userId) {
        app.takeInquiry().takeInquiry(new TakeInquiryCommand(caller.caller(), inquiryOf(room).id().value(), userId));
    }

    @Test
    void underManualSelectionNewRoomsWaitAndAgentsSeeTheirPartOfTheQueueOldestFirst() {
        Session faria = app.createAgent("faria");
        Session omar = app.createAgent("omar");
        Session manager = app.createManager("manager");
        Department sales = app.createDepartment("Sales", true, faria);
        Department support = app.createDepartment("Support", true, omar);
        Department closedDesk = app.createDepartment("Closed desk", false, faria, omar);
        RoomSnapshot plain = open("plain", null);
        RoomSnapshot inSales = open("sales", "Sales");
        RoomSnapshot inSupport = open("support", "Support");
        app.registerVisitor("closed", "closed", closedDesk.id().value());
        app.stores().departments().update(new Department(closedDesk.id(), true, "Closed desk", null, true, true,
                "c@example.com", app.clock().instant()));
        RoomSnapshot inClosedDesk = app.openRoom("closed");
        app.stores().departments().update(closedDesk);

        assertThat(plain.servedBy()).isNull();
        assertThat(inquiryOf(plain).status()).isEqualTo(InquiryStatus.QUEUED);
        assertThat(queued(faria, null)).containsExactly(plain.id(), inSales.id());
        assertThat(queued(omar, null)).containsExactly(plain.id(), inSupport.id());
        assertThat(queued(manager, null)).as("every enabled department").containsExactly(plain.id(), inSales.id(),
                inSupport.id());
        assertThat(queued(manager, sales.id().value())).containsExactly(inSales.id());
        assertThat(queued(faria, sales.id().value())).containsExactly(inSales.id());
        assertThat(queued(faria, closedDesk.id().value())).as("disabled").isEmpty();
        assertThat(queued(manager, "unknownDepartment")).isEmpty();
        assertThat(inClosedDesk.servedBy()).isNull();
        Expect.plain(() -> queued(faria, support.id().value()), "error-not-authorized");
        Expect.plain(() -> queued(faria, "bad id!"), "error-not-authorized");
        Expect.routePermission(() -> queued(app.createUser("plain-user", Role.USER), null));
        assertThat(app.queuedInquiries().listQueuedInquiries(new QueuedInquiriesQuery(manager.caller(), null,
                List.of(new SortKey<>(InquirySortField.TS, false)), 1, 1)).items())
                .extracting(Inquiry::rid).containsExactly(inSales.id());
    }

    @Test
    void theInquiriesOfADeletedDepartmentAreListedToEveryAgent() {
        Session faria = app.createAgent("faria");
        Session omar = app.createAgent("omar");
        Session manager = app.createManager("manager");
        Department sales = app.createDepartment("Sales", true, faria);
        RoomSnapshot inSales = open("sales", "Sales");
        assertThat(queued(omar, null)).isEmpty();

        app.deleteDepartment().deleteDepartment(new DeleteDepartmentCommand(manager.caller(), sales.id().value()));

        assertThat(queued(omar, null)).containsExactly(inSales.id());
        take(omar, inSales, null);
        assertThat(app.stores().rooms().findById(inSales.id()).orElseThrow().snapshot().servedBy().id())
                .isEqualTo(omar.userId());
    }

    @Test
    void takingAssignsTheRoomToTheTaker() {
        Session faria = app.createAgent("faria");
        RoomSnapshot room = open("maria", null);
        Inquiry before = inquiryOf(room);

        take(faria, room, null);

        RoomSnapshot served = app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
        assertThat(served.servedBy().id()).isEqualTo(faria.userId());
        assertThat(served.servedBy().ts()).isEqualTo(app.clock().instant());
        assertThat(served.usersCount()).isEqualTo(2);
        assertThat(served.msgs()).isEqualTo(3);
        assertThat(served.lastMessage().type()).isEqualTo(MessageType.LIVECHAT_STARTED);
        assertThat(app.stores().messages().findByRoom(room.id())).extracting(Message::type)
                .containsExactly(MessageType.LIVECHAT_STARTED, MessageType.COMMAND, MessageType.USER_JOINED);
        assertThat(inquiryOf(room)).isEqualTo(before.take(app.clock().instant()));
        assertThat(queued(faria, null)).isEmpty();
        assertThat(app.stores().routing().findCandidates(null, app.clock().instant()).get(0).lastAssignedAt())
                .isEqualTo(app.clock().instant());
    }

    @Test
    void takeErrorsComeInTheContractsOrder() {
        Session faria = app.createAgent("faria");
        Session omar = app.createAgent("omar");
        Session manager = app.createManager("manager");
        Session away = app.createAgent("away");
        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(away.caller(), "not-available", null));
        app.createDepartment("Sales", true, faria);
        RoomSnapshot inSales = open("sales", "Sales");
        RoomSnapshot plain = open("plain", null);
        String inquiry = inquiryOf(inSales).id().value();

        Expect.routePermission(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(
                app.createUser("plain-user", Role.USER).caller(), inquiry, null)));
        Expect.handlerRefusal(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(omar.caller(), "unknown",
                "unknownUser")));
        Expect.plain(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(manager.caller(), "unknown",
                "unknownUser")), "The user is invalid");
        Expect.meteor(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(omar.caller(), "unknownInquiry",
                null)), "error-not-found", "Inquiry not found", TAKE_DETAILS);
        Expect.meteor(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(omar.caller(), "bad id!", null)),
                "error-not-found", "Inquiry not found", TAKE_DETAILS);
        Expect.meteor(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(away.caller(), inquiry, null)),
                "error-agent-status-service-offline", "Agent status is offline or Omnichannel service is not active",
                TAKE_DETAILS);
        Expect.meteor(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(manager.caller(), inquiry, null)),
                "error-agent-status-service-offline", "Agent status is offline or Omnichannel service is not active",
                TAKE_DETAILS);
        Expect.meteor(() -> app.takeInquiry().takeInquiry(new TakeInquiryCommand(omar.caller(), inquiry, null)),
                "error-not-allowed", "Not allowed", TAKE_DETAILS);

        take(manager, plain, omar.userId().value());
        Expect.meteor(() -> take(faria, plain, null), "error-inquiry-taken", "Inquiry already taken", TAKE_DETAILS);
        Expect.meteor(() -> take(away, plain, null), "error-inquiry-taken", "Inquiry already taken", TAKE_DETAILS);
        assertThat(app.stores().rooms().findById(plain.id()).orElseThrow().snapshot().servedBy().id())
                .isEqualTo(omar.userId());
        take(faria, inSales, faria.userId().value());
    }

    @Test
    void anAgentWhoLoggedOutCannotTakeAndTakingIgnoresTheChatLimit() {
        InMemoryLivechat limited = new InMemoryLivechat(new LivechatSettings(RoutingMethod.MANUAL_SELECTION, false, 1,
                LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test"));
        Session faria = limited.createAgent("faria");
        limited.registerVisitor("one");
        limited.registerVisitor("two");
        RoomSnapshot first = limited.openRoom("one");
        RoomSnapshot second = limited.openRoom("two");

        for (RoomSnapshot room : List.of(first, second)) {
            limited.takeInquiry().takeInquiry(new TakeInquiryCommand(faria.caller(),
                    limited.stores().inquiries().findByRoomId(room.id()).orElseThrow().id().value(), null));
        }
        assertThat(limited.stores().routing().findCandidates(null, limited.clock().instant()).get(0).openRooms())
                .isEqualTo(2);
        limited.clock().advance(LivechatSettings.DEFAULT_LOGIN_EXPIRATION);
        limited.registerVisitor("three");
        Expect.meteor(() -> limited.openRoom("three"), "no-agent-online", "Sorry, no online agents");
    }

    @Test
    void ofConcurrentTakesOfOneInquiryExactlyOneWins() {
        List<Session> agents = List.of(app.createAgent("a1"), app.createAgent("a2"), app.createAgent("a3"),
                app.createAgent("a4"));
        for (int round = 0; round < 10; round++) {
            RoomSnapshot room = open("visitor-" + round, null);
            String inquiry = inquiryOf(room).id().value();

            List<Outcome<Void>> outcomes = Concurrently.runAll(agents.size(), i -> app.takeInquiry().takeInquiry(
                    new TakeInquiryCommand(agents.get(i).caller(), inquiry, null)));

            List<Outcome<Void>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
            assertThat(winners).hasSize(1);
            outcomes.stream().filter(o -> !o.succeeded()).forEach(o -> Expect.meteor(() -> {
                throw o.failure();
            }, "error-inquiry-taken", "Inquiry already taken", TAKE_DETAILS));
            RoomSnapshot served = app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
            assertThat(served.servedBy().id()).isEqualTo(agents.get(winners.get(0).thread()).userId());
            assertThat(served.usersCount()).isEqualTo(2);
            assertThat(app.stores().messages().findByRoom(room.id())).hasSize(3);
        }
    }
}
