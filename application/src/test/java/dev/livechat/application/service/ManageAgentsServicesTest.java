package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.LivechatUserCommand;
import dev.livechat.application.port.in.LivechatUsersQuery;
import dev.livechat.application.port.in.SetAgentStatusCommand;
import dev.livechat.application.port.in.UserRef;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.application.testing.MutableClock;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.error.NotFoundException;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agents and managers (contract 4.5) and {@code agent.status} (contract 4.6). */
class ManageAgentsServicesTest {

    private final List<UserId> candidates = new ArrayList<>();
    private final InMemoryLivechat app = new InMemoryLivechat(LivechatSettings.defaults("test"),
            new MutableClock(InMemoryLivechat.DEFAULT_START), candidates::add);
    private final Caller manager = app.createManager("manager").caller();

    private User user(UserId id) {
        return app.stores().users().findById(id).orElseThrow();
    }

    @Test
    void addingTheAgentRoleMakesAnAvailableAgentAndIsIdempotent() {
        User plain = app.storeUser("faria", Role.USER);

        UserRef ref = app.livechatUsers().addLivechatUser(new LivechatUserCommand(manager, "agent", "FARIA"));
        app.livechatUsers().addLivechatUser(new LivechatUserCommand(manager, "agent", "faria"));

        assertThat(ref).isEqualTo(new UserRef(plain.id(), "faria"));
        assertThat(user(plain.id()).roles()).containsExactly(Role.USER, Role.LIVECHAT_AGENT);
        assertThat(user(plain.id()).statusLivechat()).contains(AgentStatus.AVAILABLE);
        app.livechatUsers().addLivechatUser(new LivechatUserCommand(manager, "manager", "faria"));
        assertThat(user(plain.id()).roles()).containsExactly(Role.USER, Role.LIVECHAT_AGENT, Role.LIVECHAT_MANAGER);
    }

    @Test
    void permissionIsCheckedFirstThenTheTypeThenTheUser() {
        Caller agent = app.createAgent("agent").caller();

        Expect.routePermission(() -> app.livechatUsers().addLivechatUser(new LivechatUserCommand(agent, "x", "y")));
        Expect.routePermission(() -> app.livechatUsers().removeLivechatUser(new LivechatUserCommand(agent, "x", "y")));
        Expect.routePermission(() -> app.livechatUsers().listLivechatUsers(
                new LivechatUsersQuery(agent, "x", null, List.of(), 0, 50)));
        Expect.plain(() -> app.livechatUsers().addLivechatUser(new LivechatUserCommand(manager, "admin", "y")),
                "Invalid type");
        Expect.plain(() -> app.livechatUsers().listLivechatUsers(
                new LivechatUsersQuery(manager, "monitor", null, List.of(), 0, 50)), "Invalid type");
        Expect.plain(() -> app.livechatUsers().addLivechatUser(new LivechatUserCommand(manager, "agent", "nobody")),
                "error-invalid-user");
        Expect.bareFailure(() -> app.livechatUsers().removeLivechatUser(
                new LivechatUserCommand(manager, "agent", "unknownUserId")));
        Expect.bareFailure(() -> app.livechatUsers().removeLivechatUser(
                new LivechatUserCommand(manager, "agent", "bad/id")));
    }

    @Test
    void removingTheAgentRoleDropsLivechatStatusAndDepartmentLinksButNotRooms() {
        Session faria = app.createAgent("faria");
        Department sales = app.createDepartment("Sales", true, faria);
        app.registerVisitor("visitor");
        var room = app.openRoom("visitor");

        app.livechatUsers().removeLivechatUser(new LivechatUserCommand(manager, "agent", faria.userId().value()));
        app.livechatUsers().removeLivechatUser(new LivechatUserCommand(manager, "agent", faria.userId().value()));
        app.livechatUsers().removeLivechatUser(new LivechatUserCommand(manager, "manager", faria.userId().value()));

        User stored = user(faria.userId());
        assertThat(stored.roles()).containsExactly(Role.USER);
        assertThat(stored.statusLivechat()).isEmpty();
        assertThat(app.stores().departments().isAgentOf(faria.userId(), sales.id())).isFalse();
        assertThat(app.stores().rooms().findById(room.id()).orElseThrow().isServedBy(faria.userId())).isTrue();
    }

    @Test
    void listingFiltersSortsAndShowsPresence() {
        Session online = app.createAgent("omar");
        app.storeUser("faria", Role.USER, Role.LIVECHAT_AGENT);
        app.storeUser("zed", Role.USER, Role.LIVECHAT_AGENT, Role.LIVECHAT_MANAGER);

        Page<UserView> agents = app.livechatUsers().listLivechatUsers(
                new LivechatUsersQuery(manager, "agent", null, List.of(), 0, 50));
        assertThat(agents.items()).extracting(UserView::username).containsExactly("faria", "omar", "zed");
        assertThat(agents.items()).extracting(UserView::status)
                .containsExactly(UserView.OFFLINE, UserView.ONLINE, UserView.OFFLINE);
        assertThat(agents.items()).extracting(UserView::statusLivechat).containsOnly(AgentStatus.AVAILABLE);
        assertThat(agents.total()).isEqualTo(3);

        Page<UserView> filtered = app.livechatUsers().listLivechatUsers(new LivechatUsersQuery(manager, "agent", "MA",
                List.of(new SortKey<>(UserSortField.USERNAME, false)), 0, 1));
        assertThat(filtered.items()).extracting(UserView::username).containsExactly("omar");
        assertThat(filtered.total()).isEqualTo(1);

        Page<UserView> managers = app.livechatUsers().listLivechatUsers(
                new LivechatUsersQuery(manager, "manager", "", List.of(), 0, 50));
        assertThat(managers.items()).extracting(UserView::username).containsExactly("manager", "zed");
        assertThat(managers.items()).extracting(UserView::statusLivechat).containsOnlyNulls();
        assertThat(managers.items().get(0).status()).isEqualTo(UserView.ONLINE);
        assertThat(online.caller()).isNotNull();
    }

    @Test
    void anAgentTogglesOrSetsTheirOwnStatus() {
        Session faria = app.createAgent("faria");
        candidates.clear();

        assertThat(app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), null, null)))
                .isEqualTo(AgentStatus.NOT_AVAILABLE);
        assertThat(user(faria.userId()).statusLivechat()).contains(AgentStatus.NOT_AVAILABLE);
        assertThat(app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "not-available",
                faria.userId().value()))).isEqualTo(AgentStatus.NOT_AVAILABLE);
        assertThat(candidates).isEmpty();
        assertThat(app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), null, null)))
                .isEqualTo(AgentStatus.AVAILABLE);
        assertThat(candidates).containsExactly(faria.userId());
        assertThat(app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "available", null)))
                .isEqualTo(AgentStatus.AVAILABLE);
    }

    @Test
    void anotherAgentsStatusNeedsManageLivechatAgentsBeforeAnyLookup() {
        Session faria = app.createAgent("faria");
        Session omar = app.createAgent("omar");
        Caller plainUser = app.createUser("plain", Role.USER).caller();

        Expect.routePermission(() -> app.agentStatus().setAgentStatus(
                new SetAgentStatusCommand(plainUser, null, null)));
        Expect.handlerRefusal(() -> app.agentStatus().setAgentStatus(
                new SetAgentStatusCommand(faria.caller(), null, omar.userId().value())));
        Expect.handlerRefusal(() -> app.agentStatus().setAgentStatus(
                new SetAgentStatusCommand(faria.caller(), null, "unknownUserId")));

        assertThat(app.agentStatus().setAgentStatus(new SetAgentStatusCommand(manager, "not-available",
                omar.userId().value()))).isEqualTo(AgentStatus.NOT_AVAILABLE);
    }

    @Test
    void theTargetMustBeAnActiveAgent() {
        User plain = app.storeUser("plain", Role.USER);
        User agent = app.storeUser("sleepy", Role.USER, Role.LIVECHAT_AGENT);
        app.stores().users().update(User.restore(agent.id(), agent.username(), null, null, agent.passwordHash(), false,
                agent.roles(), AgentStatus.AVAILABLE, agent.createdAt(), agent.updatedAt()));

        for (String target : List.of("unknownUserId", "bad/id", plain.id().value())) {
            assertThatThrownBy(() -> app.agentStatus().setAgentStatus(new SetAgentStatusCommand(manager, null, target)))
                    .isInstanceOfSatisfying(NotFoundException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("Agent not found"));
        }
        Expect.plain(() -> app.agentStatus().setAgentStatus(new SetAgentStatusCommand(manager, null,
                agent.id().value())), "error-user-deactivated");
        assertThatThrownBy(() -> app.agentStatus().setAgentStatus(new SetAgentStatusCommand(manager, null, null)))
                .as("a manager who is not an agent").isInstanceOf(NotFoundException.class);
    }

    @Test
    void changingTheStatusLeavesAssignedRoomsAlone() {
        Session faria = app.createAgent("faria");
        app.registerVisitor("visitor");
        var room = app.openRoom("visitor");

        app.agentStatus().setAgentStatus(new SetAgentStatusCommand(faria.caller(), "not-available", null));

        assertThat(app.stores().rooms().findById(room.id()).orElseThrow().snapshot()).isEqualTo(room);
    }
}
