package dev.livechat.application.service;

import dev.livechat.application.port.in.CreateDepartmentCommand;
import dev.livechat.application.port.in.DeleteDepartmentCommand;
import dev.livechat.application.port.in.DepartmentAgentData;
import dev.livechat.application.port.in.DepartmentData;
import dev.livechat.application.port.in.DepartmentDetails;
import dev.livechat.application.port.in.DepartmentsQuery;
import dev.livechat.application.port.in.GetDepartmentQuery;
import dev.livechat.application.port.in.UpdateDepartmentCommand;
import dev.livechat.application.testing.InMemoryLivechat;
import dev.livechat.application.testing.InMemoryLivechat.Session;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.routing.RoutingMethod;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Departments: create, update, list, get, delete, with their agent links (contract 2.5, 4.7, 6.6). */
class DepartmentServicesTest {

    private final InMemoryLivechat app = new InMemoryLivechat(new LivechatSettings(RoutingMethod.MANUAL_SELECTION,
            false, 0, LivechatSettings.DEFAULT_LOGIN_EXPIRATION, "test"));
    private Session manager;
    private Session faria;
    private Session omar;

    @BeforeEach
    void usersExist() {
        manager = app.createManager("manager");
        faria = app.createAgent("faria");
        omar = app.createAgent("omar");
    }

    private static DepartmentData data(String name, boolean enabled) {
        return new DepartmentData(name, name.toLowerCase() + "@example.com", enabled, true, false, null);
    }

    private DepartmentDetails create(String name, DepartmentAgentData... agents) {
        return app.createDepartment().createDepartment(new CreateDepartmentCommand(manager.caller(), data(name, true),
                List.of(agents)));
    }

    @Test
    void creatingLinksTheListedAgentsAndSkipsEveryoneElse() {
        Session plainUser = app.createUser("plain", Role.USER);

        DepartmentDetails sales = app.createDepartment().createDepartment(new CreateDepartmentCommand(manager.caller(),
                new DepartmentData("Sales", "sales@example.com", true, true, false, "Pre-sales questions"),
                List.of(new DepartmentAgentData(omar.userId().value(), 3, 1),
                        new DepartmentAgentData(faria.userId().value(), null, null),
                        new DepartmentAgentData(plainUser.userId().value(), 0, 0),
                        new DepartmentAgentData("unknownUser", 0, 0),
                        new DepartmentAgentData("bad id!", 0, 0),
                        new DepartmentAgentData(omar.userId().value(), 9, 9))));

        Department stored = app.stores().departments().findById(sales.department().id()).orElseThrow();
        assertThat(sales.department()).isEqualTo(stored);
        assertThat(stored.name()).isEqualTo("Sales");
        assertThat(stored.description()).isEqualTo("Pre-sales questions");
        assertThat(stored.showOnOfflineForm()).isFalse();
        assertThat(stored.updatedAt()).isEqualTo(app.clock().instant());
        assertThat(sales.numAgents()).isEqualTo(2);
        assertThat(sales.agents()).extracting(DepartmentAgent::username).containsExactly("faria", "omar");
        assertThat(sales.agents().get(0).count()).isZero();
        assertThat(sales.agents().get(1).count()).isEqualTo(3);
        assertThat(sales.agents().get(1).order()).isEqualTo(1);
        assertThat(app.stores().departments().isAgentOf(plainUser.userId(), stored.id())).isFalse();
    }

    @Test
    void namesAreUniqueOnCreateAndUpdate() {
        create("Sales");
        DepartmentDetails support = create("Support");

        Expect.plain(() -> create("Sales"), "error-duplicated-department-name");
        Expect.plain(() -> app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(manager.caller(),
                support.department().id().value(), data("Sales", true), null)), "error-duplicated-department-name");
        DepartmentDetails same = app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(manager.caller(),
                support.department().id().value(), data("Support", false), null));
        assertThat(same.department().enabled()).isFalse();
        assertThat(create("sales").department().name()).as("exact match").isEqualTo("sales");
    }

    @Test
    void updatingReplacesTheFieldsAndTheLinksOnlyWhenGiven() {
        DepartmentDetails sales = create("Sales", new DepartmentAgentData(faria.userId().value(), null, null));
        String fariaLink = sales.agents().get(0).id();
        app.clock().advanceMillis(1_000);

        DepartmentDetails renamed = app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(
                manager.caller(), sales.department().id().value(),
                new DepartmentData("Sales EMEA", "emea@example.com", false, false, true, "Europe"), null));
        assertThat(renamed.department()).isEqualTo(new Department(sales.department().id(), false, "Sales EMEA",
                "Europe", false, true, "emea@example.com", app.clock().instant()));
        assertThat(renamed.agents()).extracting(DepartmentAgent::id).containsExactly(fariaLink);

        DepartmentDetails relinked = app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(
                manager.caller(), sales.department().id().value(), data("Sales EMEA", true),
                List.of(new DepartmentAgentData(omar.userId().value(), 2, 2),
                        new DepartmentAgentData(faria.userId().value(), 1, 1))));
        assertThat(relinked.numAgents()).isEqualTo(2);
        assertThat(relinked.agents().get(0).id()).as("faria's link is kept").isEqualTo(fariaLink);
        assertThat(relinked.agents().get(0).count()).isEqualTo(1);

        DepartmentDetails emptied = app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(
                manager.caller(), sales.department().id().value(), data("Sales EMEA", true), List.of()));
        assertThat(emptied.agents()).isEmpty();
        assertThat(emptied.numAgents()).isZero();
    }

    @Test
    void writesNeedManageLivechatDepartmentsAndUnknownIdsAreNotFound() {
        DepartmentDetails sales = create("Sales");

        Expect.routePermission(() -> app.createDepartment().createDepartment(new CreateDepartmentCommand(
                faria.caller(), data("Other", true), null)));
        Expect.routePermission(() -> app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(
                faria.caller(), "unknownDepartment", data("Other", true), null)));
        Expect.routePermission(() -> app.deleteDepartment().deleteDepartment(new DeleteDepartmentCommand(
                faria.caller(), sales.department().id().value())));
        for (String unknown : new String[]{"unknownDepartment", "bad id!", ""}) {
            Expect.plain(() -> app.updateDepartment().updateDepartment(new UpdateDepartmentCommand(manager.caller(),
                    unknown, data("Sales", true), null)), "error-department-not-found");
            Expect.plain(() -> app.deleteDepartment().deleteDepartment(new DeleteDepartmentCommand(manager.caller(),
                    unknown)), "error-department-not-found");
        }
        Expect.invalidParams(() -> app.createDepartment().createDepartment(new CreateDepartmentCommand(
                manager.caller(), data(" ", true), null)), "must NOT have fewer than 1 characters");
    }

    @Test
    void listingNeedsAViewPermissionFiltersSortsAndCountsAgents() {
        create("Support");
        create("Sales", new DepartmentAgentData(faria.userId().value(), null, null),
                new DepartmentAgentData(omar.userId().value(), null, null));
        app.createDepartment().createDepartment(new CreateDepartmentCommand(manager.caller(), data("Closed desk", false),
                null));
        Session plainUser = app.createUser("plain", Role.USER);

        Page<DepartmentDetails> all = app.listDepartments().listDepartments(new DepartmentsQuery(faria.caller(), null,
                false, List.of(), 0, 50));
        assertThat(all.items()).extracting(d -> d.department().name()).containsExactly("Closed desk", "Sales", "Support");
        assertThat(all.items()).extracting(DepartmentDetails::numAgents).containsExactly(0, 2, 0);
        assertThat(all.items()).allSatisfy(d -> assertThat(d.agents()).isNull());
        assertThat(app.listDepartments().listDepartments(new DepartmentsQuery(manager.caller(), "S", true,
                List.of(new SortKey<>(DepartmentSortField.NAME, false)), 0, 1)).items())
                .extracting(d -> d.department().name()).containsExactly("Support");
        assertThat(app.listDepartments().listDepartments(new DepartmentsQuery(manager.caller(), "", false, List.of(),
                0, 50)).total()).isEqualTo(3);
        Expect.routePermission(() -> app.listDepartments().listDepartments(new DepartmentsQuery(plainUser.caller(),
                null, false, List.of(), 0, 50)));
        Expect.routePermission(() -> app.getDepartment().getDepartment(new GetDepartmentQuery(plainUser.caller(),
                "unknownDepartment", false)));
    }

    @Test
    void getAnswersTheDepartmentWithAgentsOnRequestAndNothingForAnUnknownId() {
        DepartmentDetails sales = create("Sales", new DepartmentAgentData(faria.userId().value(), null, null));

        DepartmentDetails plain = app.getDepartment().getDepartment(new GetDepartmentQuery(faria.caller(),
                sales.department().id().value(), false)).orElseThrow();
        DepartmentDetails withAgents = app.getDepartment().getDepartment(new GetDepartmentQuery(faria.caller(),
                sales.department().id().value(), true)).orElseThrow();

        assertThat(plain.agents()).isNull();
        assertThat(plain.numAgents()).isEqualTo(1);
        assertThat(withAgents.agents()).isEqualTo(sales.agents());
        assertThat(app.getDepartment().getDepartment(new GetDepartmentQuery(faria.caller(), "unknownDepartment",
                true))).isEmpty();
        assertThat(app.getDepartment().getDepartment(new GetDepartmentQuery(faria.caller(), "bad id!", true)))
                .isEmpty();
    }

    @Test
    void deletingClearsItFromVisitorsAndInquiriesButRoomsKeepTheirDepartmentId() {
        DepartmentDetails sales = create("Sales", new DepartmentAgentData(faria.userId().value(), null, null));
        String salesId = sales.department().id().value();
        app.registerVisitor("maria-token", "Maria", "Sales");
        RoomSnapshot room = app.openRoom("maria-token");
        assertThat(room.departmentId()).isEqualTo(sales.department().id());
        app.clock().advanceMillis(1_000);

        app.deleteDepartment().deleteDepartment(new DeleteDepartmentCommand(manager.caller(), salesId));

        assertThat(app.stores().departments().findById(sales.department().id())).isEmpty();
        assertThat(app.stores().departments().isAgentOf(faria.userId(), sales.department().id())).isFalse();
        assertThat(app.getVisitor().getVisitor("maria-token").department()).isEmpty();
        assertThat(app.stores().rooms().findById(room.id()).orElseThrow().snapshot().departmentId())
                .isEqualTo(sales.department().id());
        Inquiry inquiry = app.stores().inquiries().findByRoomId(room.id()).orElseThrow();
        assertThat(inquiry.department()).isNull();
        assertThat(inquiry.updatedAt()).isEqualTo(app.clock().instant());
        Expect.plain(() -> app.deleteDepartment().deleteDepartment(new DeleteDepartmentCommand(manager.caller(),
                salesId)), "error-department-not-found");
    }
}
