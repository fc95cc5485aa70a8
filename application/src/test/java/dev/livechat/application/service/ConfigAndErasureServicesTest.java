package dev.livechat.application.service;

import dev.livechat.application.port.in.CloseRoomByVisitorCommand;
import dev.livechat.application.port.in.DeletedVisitor;
import dev.livechat.application.port.in.SendVisitorMessageCommand;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.in.WidgetConfig;
import dev.livechat.application.port.in.WidgetConfigQuery;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.visitor.Visitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET livechat/config} (contract 4.18, 7a) and {@code DELETE livechat/visitor/:token} (contract 4.9). */
class ConfigAndErasureServicesTest {

    private final InMemoryLivechat app = new InMemoryLivechat();

    private WidgetConfig config(String token, String department) {
        return app.widgetConfig().widgetConfig(new WidgetConfigQuery(token, department));
    }

    @Test
    void theConfigListsEnabledDepartmentsWithAgentsAndTellsWhetherSomeoneIsOnline() {
        Session faria = app.createAgent("faria");
        Department support = app.createDepartment("Support", true, faria);
        Department sales = app.createDepartment("Sales", true, faria);
        app.createDepartment("Empty", true);
        Department closedDesk = app.createDepartment("Closed desk", false, faria);

        WidgetConfig config = config(null, null);
        assertThat(config.departments()).containsExactly(sales, support);
        assertThat(config.online()).isTrue();
        assertThat(config.guest()).isNull();
        assertThat(config.room()).isNull();
        assertThat(config.agent()).isNull();
        assertThat(config(null, sales.id().value()).online()).isTrue();
        assertThat(config(null, closedDesk.id().value()).online()).isFalse();
        assertThat(config(null, "unknownDepartment").online()).isFalse();
        assertThat(config(null, "bad id!").online()).isFalse();
        assertThat(config("unknown-token", "").guest()).isNull();

        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "not-available", null));
        assertThat(config(null, null).online()).isFalse();
        assertThat(config(null, sales.id().value()).online()).isFalse();
    }

    @Test
    void acceptingChatsWithoutAgentsIsOnlineExceptForUnknownOrDisabledDepartments() {
        InMemoryLivechat accepting = new InMemoryLivechat(new LivechatSettings(RoutingMethod.AUTO_SELECTION, true, 0,
                LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test"));
        Department closedDesk = accepting.createDepartment("Closed desk", false);
        Department empty = accepting.createDepartment("Empty", true);

        assertThat(accepting.widgetConfig().widgetConfig(new WidgetConfigQuery(null, null)).online()).isTrue();
        assertThat(accepting.widgetConfig().widgetConfig(new WidgetConfigQuery(null, empty.id().value())).online())
                .isTrue();
        assertThat(accepting.widgetConfig().widgetConfig(new WidgetConfigQuery(null, closedDesk.id().value()))
                .online()).isFalse();
    }

    @Test
    void theConfigShowsTheVisitorTheirOpenRoomAndItsAgent() {
        Session faria = app.createAgent("faria");
        Visitor maria = app.registerVisitor("maria-token", "Maria", null);

        assertThat(config("maria-token", null).guest()).isEqualTo(maria);
        assertThat(config("maria-token", null).room()).isNull();

        RoomSnapshot room = app.openRoom("maria-token");
        WidgetConfig config = config("maria-token", null);
        assertThat(config.guest()).isEqualTo(app.getVisitor().getVisitor("maria-token"));
        assertThat(config.room()).isEqualTo(room);
        assertThat(config.agent().id()).isEqualTo(faria.userId());
        assertThat(config.agent().status()).isEqualTo(UserView.ONLINE);

        app.logout().logout(new dev.livechat.application.port.in.LogoutCommand(faria.caller(), faria.authToken()));
        assertThat(config("maria-token", null).agent().status()).isEqualTo(UserView.OFFLINE);
    }

    @Test
    void erasingAVisitorDeletesTheirRoomsMessagesAndInquiriesAndForgetsTheToken() {
        app.createAgent("faria");
        Visitor maria = app.registerVisitor("maria-token", "Maria", null);
        Visitor omar = app.registerVisitor("omar-token", "Omar", null);
        RoomSnapshot first = app.openRoom("maria-token");
        app.sendVisitorMessage().sendVisitorMessage(new SendVisitorMessageCommand("maria-token", first.id().value(),
                "hello", null));
        app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("maria-token", first.id().value()));
        RoomSnapshot second = app.openRoom("maria-token");
        app.closeRoomByVisitor().closeRoomByVisitor(new CloseRoomByVisitorCommand("maria-token", second.id().value()));
        RoomSnapshot kept = app.openRoom("omar-token");
        app.clock().advanceMillis(5_000);

        DeletedVisitor deleted = app.deleteVisitor().deleteVisitor("maria-token");

        assertThat(deleted).isEqualTo(new DeletedVisitor(maria.id(), app.clock().instant()));
        assertThat(app.stores().allVisitors()).containsExactly(app.getVisitor().getVisitor("omar-token"));
        assertThat(app.stores().allRooms()).extracting(RoomSnapshot::id).containsExactly(kept.id());
        assertThat(app.stores().allMessages()).allSatisfy(m -> assertThat(m.rid()).isEqualTo(kept.id()));
        assertThat(app.stores().allInquiries()).allSatisfy(i -> assertThat(i.rid()).isEqualTo(kept.id()));
        Expect.meteor(() -> app.getVisitor().getVisitor("maria-token"), "invalid-token", null);
        Expect.meteor(() -> app.deleteVisitor().deleteVisitor("maria-token"), "invalid-token", null);
        Visitor again = app.registerVisitor("maria-token", "Maria", null);
        assertThat(again.id()).isNotEqualTo(maria.id());
        assertThat(again.username()).isNotEqualTo(maria.username()).isNotEqualTo(omar.username());
    }

    @Test
    void aVisitorWithAnOpenRoomIsNotErased() {
        app.createAgent("faria");
        app.registerVisitor("maria-token", "Maria", null);
        RoomSnapshot room = app.openRoom("maria-token");

        Expect.meteor(() -> app.deleteVisitor().deleteVisitor("maria-token"), "visitor-has-open-rooms",
                "Cannot remove visitors with opened rooms");
        for (String unknown : new String[]{"other", "", "x".repeat(257), null}) {
            Expect.meteor(() -> app.deleteVisitor().deleteVisitor(unknown), "invalid-token", null);
        }
        assertThat(app.stores().allRooms()).extracting(RoomSnapshot::id).containsExactly(room.id());
        assertThat(app.getVisitor().getVisitor("maria-token")).isNotNull();
    }
}
