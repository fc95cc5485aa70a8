package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByUserCommand;
import dev.livechat.application.port.in.ForwardRoomCommand;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.user.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code livechat/room.forward} to an agent, a department or a department's queue (contract 4.17, 5.3). */
class ForwardRoomServiceTest {

    private static LivechatSettings settings(RoutingMethod method) {
        return new LivechatSettings(method, false, 0, LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test");
    }

    private final InMemoryLivechat app = new InMemoryLivechat(settings(RoutingMethod.AUTO_SELECTION));

    private void forward(Session caller, RoomSnapshot room, String userId, String departmentId, String comment) {
        app.forwardRoom().forwardRoom(new ForwardRoomCommand(caller.caller(), room.id().value(), userId, departmentId,
                comment));
    }

    private RoomSnapshot stored(RoomSnapshot room) {
        return app.stores().rooms().findById(room.id()).orElseThrow().snapshot();
    }

    private List<Message> messagesAfter(RoomSnapshot room, int count) {
        List<Message> all = app.stores().messages().findByRoom(room.id());
        return all.subList(count, all.size());
    }

    @Test
    void aManagerForwardsARoomToAnotherAgent() {
        Session faria = app.createAgent("faria");
        Session manager = app.createManager("manager");
        app.registerVisitor("maria-token", "Maria", null);
        RoomSnapshot room = app.openRoom("maria-token");
        Session omar = app.createAgent("omar");
        app.clock().advanceMillis(60_000);
        Instant now = app.clock().instant();

        forward(manager, room, omar.userId().value(), null, "Omar knows billing");

        RoomSnapshot after = stored(room);
        assertThat(after.servedBy().id()).isEqualTo(omar.userId());
        assertThat(after.servedBy().ts()).isEqualTo(now);
        assertThat(after.usersCount()).isEqualTo(3);
        assertThat(after.msgs()).isEqualTo(room.msgs() + 4);
        assertThat(after.departmentId()).isNull();
        List<Message> written = messagesAfter(room, 3);
        assertThat(written).extracting(Message::type).containsExactly(MessageType.COMMAND, MessageType.USER_JOINED,
                MessageType.TRANSFER_HISTORY, MessageType.USER_LEFT);
        assertThat(written).allSatisfy(m -> assertThat(m.ts()).isEqualTo(now));
        assertThat(written.get(0).author().username()).isEqualTo("omar");
        Message history = written.get(2);
        assertThat(after.lastMessage()).isEqualTo(history);
        assertThat(after.lm()).isEqualTo(now);
        assertThat(history.author()).isEqualTo(new MessageAuthor(manager.userId().value(), "manager", "Manager"));
        assertThat(history.transferData()).isEqualTo(new TransferData(
                new TransferData.Party(manager.userId().value(), "manager", "Manager", "user"), now, "agent",
                "Omar knows billing", null, null, new TransferData.Party(omar.userId().value(), "omar", "Omar", null)));
        Message left = written.get(3);
        assertThat(left.msg()).isEqualTo("faria");
        assertThat(left.author()).isEqualTo(new MessageAuthor(faria.userId().value(), "faria", "Faria"));
        Inquiry inquiry = app.stores().inquiries().findByRoomId(room.id()).orElseThrow();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.TAKEN);
        assertThat(inquiry.takenAt()).isEqualTo(now);
    }

    @Test
    void forwardingToADepartmentUnderAutoSelectionPicksItsAgentAndMovesTheRoom() {
        Session faria = app.createAgent("faria");
        Session admin = app.createUser("admin", Role.ADMIN);
        app.registerVisitor("maria-token", "Maria", null);
        RoomSnapshot room = app.openRoom("maria-token");
        Session omar = app.createAgent("omar");
        Session zoe = app.createAgent("zoe");
        Department billing = app.createDepartment("Billing", true, omar, zoe, faria);
        app.clock().advanceMillis(1_000);
        Instant now = app.clock().instant();

        forward(admin, room, null, billing.id().value(), null);

        RoomSnapshot after = stored(room);
        assertThat(after.servedBy().id()).as("least loaded other than the current agent, then username")
                .isEqualTo(omar.userId());
        assertThat(after.departmentId()).isEqualTo(billing.id());
        Message history = messagesAfter(room, 3).get(2);
        assertThat(history.transferData()).isEqualTo(new TransferData(
                new TransferData.Party(admin.userId().value(), "admin", "Admin", "user"), now, "department", null,
                null, new TransferData.NextDepartment(billing.id().value(), "Billing"), null));
        assertThat(app.stores().inquiries().findByRoomId(room.id()).orElseThrow().department()).isEqualTo(billing.id());

        Department support = app.createDepartment("Support", true, zoe);
        forward(admin, after, zoe.userId().value(), support.id().value(), "to Zoe");
        Message second = messagesAfter(room, 7).get(2);
        assertThat(second.transferData().previousDepartment()).isEqualTo(billing.id().value());
        assertThat(second.transferData().scope()).isEqualTo("department");
        assertThat(second.transferData().transferredTo().username()).isEqualTo("zoe");
        assertThat(stored(room).servedBy().id()).isEqualTo(zoe.userId());
    }

    @Test
    void underManualSelectionADepartmentForwardQueuesTheRoomUnlessAnAgentIsNamed() {
        InMemoryLivechat manual = new InMemoryLivechat(settings(RoutingMethod.MANUAL_SELECTION));
        Session faria = manual.createAgent("faria");
        Session manager = manual.createManager("manager");
        Session omar = manual.createAgent("omar");
        Department billing = manual.createDepartment("Billing", true, omar);
        manual.registerVisitor("maria-token", "Maria", null);
        RoomSnapshot room = manual.openRoom("maria-token");
        manual.takeInquiry().takeInquiry(new dev.livechat.application.port.in.TakeInquiryCommand(faria.caller(),
                manual.stores().inquiries().findByRoomId(room.id()).orElseThrow().id().value(), null));
        manual.clock().advanceMillis(1_000);
        Instant now = manual.clock().instant();

        manual.forwardRoom().forwardRoom(new ForwardRoomCommand(manager.caller(), room.id().value(), null,
                billing.id().value(), null));

        RoomSnapshot queued = manual.stores().rooms().findById(room.id()).orElseThrow().snapshot();
        assertThat(queued.servedBy()).isNull();
        assertThat(queued.usersCount()).isEqualTo(2);
        assertThat(queued.departmentId()).isEqualTo(billing.id());
        List<Message> all = manual.stores().messages().findByRoom(room.id());
        assertThat(all.subList(3, all.size())).extracting(Message::type)
                .containsExactly(MessageType.TRANSFER_HISTORY, MessageType.USER_LEFT);
        Inquiry inquiry = manual.stores().inquiries().findByRoomId(room.id()).orElseThrow();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.QUEUED);
        assertThat(inquiry.queuedAt()).isEqualTo(now);
        assertThat(inquiry.department()).isEqualTo(billing.id());

        Department support = manual.createDepartment("Support", true, faria);
        manual.forwardRoom().forwardRoom(new ForwardRoomCommand(manager.caller(), room.id().value(),
                faria.userId().value(), support.id().value(), null));
        assertThat(manual.stores().rooms().findById(room.id()).orElseThrow().snapshot().servedBy().id())
                .as("Deviation 33: the named agent is assigned").isEqualTo(faria.userId());
        all = manual.stores().messages().findByRoom(room.id());
        assertThat(all.subList(5, all.size())).extracting(Message::type)
                .as("no ul: nobody served the queued room")
                .containsExactly(MessageType.COMMAND, MessageType.USER_JOINED, MessageType.TRANSFER_HISTORY);
    }

    @Test
    void theServingAgentIsTheTransferrerOfTypeAgentWhenTheyMayTransfer() {
        Session admin = app.createUser("admin", Role.ADMIN, Role.LIVECHAT_AGENT);
        app.registerVisitor("maria-token", "Maria", null);
        RoomSnapshot room = app.openRoom("maria-token");
        assertThat(room.servedBy().id()).isEqualTo(admin.userId());
        Session omar = app.createAgent("omar");

        forward(admin, room, omar.userId().value(), null, null);

        Message history = messagesAfter(room, 3).get(2);
        assertThat(history.transferData().transferredBy().type()).isEqualTo("agent");
    }

    @Test
    void errorsComeInTheContractsOrder() {
        Session faria = app.createAgent("faria");
        Session manager = app.createManager("manager");
        Session away = app.createAgent("away");
        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(away.caller(), "not-available", null));
        Department sales = app.createDepartment("Sales", true);
        Department support = app.createDepartment("Support", true, faria);
        Department onlyFaria = app.createDepartment("Only Faria", true, faria);
        app.registerVisitor("maria-token", "Maria", "Support");
        RoomSnapshot room = app.openRoom("maria-token");
        app.registerVisitor("closed-token", "Closed", null);
        RoomSnapshot closed = app.openRoom("closed-token");
        app.closeRoomByUser().closeRoomByUser(new CloseRoomByUserCommand(faria.caller(), closed.id().value(), null,
                List.of()));
        String rid = room.id().value();

        Expect.routePermission(() -> forward(faria, room, null, sales.id().value(), null));
        Expect.plain(() -> app.forwardRoom().forwardRoom(new ForwardRoomCommand(manager.caller(), "unknownRoom", null,
                null, null)), "error-invalid-room");
        Expect.plain(() -> app.forwardRoom().forwardRoom(new ForwardRoomCommand(manager.caller(), "bad id!", null,
                null, null)), "error-invalid-room");
        Expect.plain(() -> forward(manager, closed, null, null, null), "This_conversation_is_already_closed");
        Expect.plain(() -> forward(manager, room, null, null, null), "error-forwarding-chat");
        Expect.plain(() -> forward(manager, room, "", "", null), "error-forwarding-chat");
        Expect.plain(() -> forward(manager, room, "unknownUser", "unknownDepartment", null),
                "error-invalid-department");
        Expect.plain(() -> forward(manager, room, "unknownUser", support.id().value(), null),
                "error-forwarding-chat-same-department");
        Expect.plain(() -> forward(manager, room, "unknownUser", sales.id().value(), null), "error-user-is-offline");
        Expect.plain(() -> forward(manager, room, away.userId().value(), null, null), "error-user-is-offline");
        Expect.plain(() -> forward(manager, room, manager.userId().value(), null, null), "error-user-is-offline");
        Expect.plain(() -> forward(manager, room, faria.userId().value(), sales.id().value(), null),
                "error-user-not-belong-to-department");
        Expect.plain(() -> forward(manager, room, faria.userId().value(), null, null),
                "error-selected-agent-room-agent-are-same");
        Expect.plain(() -> forward(manager, room, null, sales.id().value(), null),
                "error-no-agents-online-in-department");
        Expect.plain(() -> forward(manager, room, null, onlyFaria.id().value(), null),
                "error-no-agents-online-in-department");
        assertThat(stored(room)).isEqualTo(room);
        assertThat(app.stores().messages().findByRoom(room.id())).hasSize(3);
    }
}
