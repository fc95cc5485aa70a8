package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.DepartmentRepository.AgentLink;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.livechat.application.port.out.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link DepartmentRepository} guarantees: exact round trips, exact unique names, and agent links. */
public abstract class DepartmentRepositoryContract {

    private StorePorts stores;
    private DepartmentRepository departments;
    private ContractFixtures f;

    /** A fresh, empty store for each test. */
    protected abstract StorePorts newStores();

    @BeforeEach
    public final void freshStore() {
        stores = newStores();
        departments = stores.departments();
        f = new ContractFixtures(stores);
    }

    private Department department(String name, String description, boolean enabled) {
        return new Department(new DepartmentId(f.newId()), enabled, name, description, !enabled, enabled,
                "dept@example.com", at(7));
    }

    @Test
    public final void aDepartmentRoundTripsEveryField() {
        Department sales = department("Sales ✓", "Pre-sales questions", true);
        Department hidden = department("Hidden", null, false);
        Department blank = department("Blank description", "", true);

        departments.insert(sales);
        departments.insert(hidden);
        departments.insert(blank);

        assertThat(departments.findById(sales.id())).contains(sales);
        assertThat(departments.findById(hidden.id())).contains(hidden);
        assertThat(departments.findById(hidden.id()).orElseThrow().description()).isNull();
        assertThat(departments.findById(blank.id()).orElseThrow().description()).isEmpty();
        assertThat(departments.findByName("Sales ✓")).contains(sales);
        assertThat(departments.findById(new DepartmentId("unknownDepartment"))).isEmpty();
    }

    @Test
    public final void namesAreFoundAndKeptUniqueByExactMatch() {
        Department sales = department("Sales", null, true);
        departments.insert(sales);

        assertThat(departments.findByName("sales")).isEmpty();
        assertThat(departments.findByName("Sales ")).isEmpty();
        assertThat(departments.findByName("S%")).isEmpty();
        assertThatThrownBy(() -> departments.insert(department("Sales", "again", false)))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.DEPARTMENT_NAME));

        Department lower = department("sales", null, true);
        departments.insert(lower);
        assertThat(departments.findByName("sales")).contains(lower);
        assertThat(departments.findByName("Sales")).contains(sales);
    }

    @Test
    public final void agentLinksAreIdempotentAndPerDepartment() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        User faria = f.agent("faria");
        User omar = f.agent("omar");

        departments.addAgent(sales.id(), faria.id(), faria.username(), 0, 0);
        departments.addAgent(sales.id(), faria.id(), faria.username(), 0, 0);
        departments.addAgent(support.id(), omar.id(), omar.username(), 3, 1);

        assertThat(departments.isAgentOf(faria.id(), sales.id())).isTrue();
        assertThat(departments.isAgentOf(faria.id(), support.id())).isFalse();
        assertThat(departments.isAgentOf(omar.id(), support.id())).isTrue();
        assertThat(departments.isAgentOf(omar.id(), new DepartmentId("unknownDepartment"))).isFalse();
    }

    @Test
    public final void removingAnAgentFromAllDepartmentsDeletesEveryLinkOfThatAgentOnly() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        User faria = f.agent("faria");
        User omar = f.agent("omar");
        departments.addAgent(sales.id(), faria.id(), faria.username(), 0, 0);
        departments.addAgent(sales.id(), faria.id(), faria.username(), 0, 0);
        departments.addAgent(support.id(), faria.id(), faria.username(), 0, 0);
        departments.addAgent(sales.id(), omar.id(), omar.username(), 0, 0);

        departments.removeAgentFromAll(faria.id());
        departments.removeAgentFromAll(faria.id());

        assertThat(departments.isAgentOf(faria.id(), sales.id())).isFalse();
        assertThat(departments.isAgentOf(faria.id(), support.id())).isFalse();
        assertThat(departments.isAgentOf(omar.id(), sales.id())).isTrue();
        assertThat(departments.findById(sales.id())).isPresent();
    }

    private static final String ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

    private static void assertMeteorId(String id) {
        assertThat(id).hasSize(17);
        assertThat(id.chars()).allMatch(c -> ID_ALPHABET.indexOf(c) >= 0);
    }

    private static List<String> names(Page<Department> page) {
        return page.items().stream().map(Department::name).toList();
    }

    @Test
    public final void updateReplacesEveryFieldAndKeepsNamesUnique() {
        Department sales = department("Sales", "Pre-sales", true);
        Department support = department("Support", null, true);
        departments.insert(sales);
        departments.insert(support);

        Department renamed = new Department(sales.id(), false, "Sales EMEA", null, true, false, "emea@example.com",
                at(99));
        departments.update(renamed);
        departments.update(new Department(new DepartmentId("unknownDepartment"), true, "Ghost", null, true, true,
                "g@example.com", at(1)));

        assertThat(departments.findById(sales.id())).contains(renamed);
        assertThat(departments.findByName("Sales")).isEmpty();
        assertThat(departments.findByName("Ghost")).isEmpty();
        departments.update(renamed);
        assertThat(departments.findById(sales.id())).contains(renamed);
        assertThatThrownBy(() -> departments.update(new Department(support.id(), true, "Sales EMEA", null, true, true,
                "s@example.com", at(100))))
                .isInstanceOfSatisfying(UniqueConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo(Constraint.DEPARTMENT_NAME));
        assertThat(departments.findById(support.id())).contains(support);
    }

    @Test
    public final void deleteRemovesTheDepartmentAndItsLinksOnly() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        User faria = f.agent("faria");
        departments.addAgent(sales.id(), faria.id(), faria.username(), 0, 0);
        departments.addAgent(support.id(), faria.id(), faria.username(), 0, 0);

        departments.delete(sales.id());
        departments.delete(sales.id());
        departments.delete(new DepartmentId("unknownDepartment"));

        assertThat(departments.findById(sales.id())).isEmpty();
        assertThat(departments.findByName("Sales")).isEmpty();
        assertThat(departments.findAgents(sales.id())).isEmpty();
        assertThat(departments.isAgentOf(faria.id(), sales.id())).isFalse();
        assertThat(departments.findDepartmentsOfAgent(faria.id())).containsExactly(support.id());
        assertThat(departments.countAgents(List.of(sales.id(), support.id())))
                .isEqualTo(Map.of(sales.id(), 0, support.id(), 1));
        departments.insert(department("Sales", null, true));
    }

    @Test
    public final void findFiltersByLiteralCaseInsensitiveTextAndEnabledSortsAndPages() {
        departments.insert(new Department(new DepartmentId(f.newId()), true, "Sales", null, true, true, "a@x.io", at(3)));
        departments.insert(new Department(new DepartmentId(f.newId()), false, "sales 100%", null, true, true, "b@x.io",
                at(1)));
        departments.insert(new Department(new DepartmentId(f.newId()), true, "Support", null, true, true, "c@x.io",
                at(2)));
        departments.insert(new Department(new DepartmentId(f.newId()), true, "Ärger_Desk", null, true, true, "d@x.io",
                at(2)));
        List<SortKey<DepartmentSortField>> byName = List.of(new SortKey<>(DepartmentSortField.NAME, true));

        assertThat(names(departments.find(null, false, byName, 0, 10)))
                .containsExactly("Sales", "Support", "sales 100%", "Ärger_Desk");
        assertThat(names(departments.find("SALES", false, byName, 0, 10))).containsExactly("Sales", "sales 100%");
        assertThat(names(departments.find("%", false, byName, 0, 10))).containsExactly("sales 100%");
        assertThat(names(departments.find("_", false, byName, 0, 10))).containsExactly("Ärger_Desk");
        assertThat(names(departments.find("s.l", false, byName, 0, 10))).isEmpty();
        assertThat(names(departments.find("äRGER", false, byName, 0, 10))).containsExactly("Ärger_Desk");
        assertThat(names(departments.find(null, true, byName, 0, 10)))
                .containsExactly("Sales", "Support", "Ärger_Desk");
        assertThat(names(departments.find("sales", true, byName, 0, 10))).containsExactly("Sales");
        Page<Department> page = departments.find(null, false,
                List.of(new SortKey<>(DepartmentSortField.UPDATED_AT, false)), 1, 2);
        assertThat(page.total()).isEqualTo(4);
        assertThat(names(page)).hasSize(2).containsExactlyInAnyOrder("Support", "Ärger_Desk");
        assertThat(departments.find(null, false, byName, 4, 10).items()).isEmpty();
        assertThat(departments.find(null, false, byName, 4, 10).total()).isEqualTo(4);
    }

    @Test
    public final void linksGetStoreIdsAreListedByUsernameAndCounted() {
        Department sales = f.department("Sales", true);
        Department empty = f.department("Empty", true);
        User zoe = f.agent("zoe");
        User ana = f.agent("ana");
        departments.addAgent(sales.id(), zoe.id(), zoe.username(), 2, 1);
        departments.addAgent(sales.id(), ana.id(), ana.username(), 0, 0);

        List<DepartmentAgent> links = departments.findAgents(sales.id());

        assertThat(links).extracting(DepartmentAgent::username).containsExactly("ana", "zoe");
        assertThat(links.get(1).agentId()).isEqualTo(zoe.id());
        assertThat(links.get(1).departmentId()).isEqualTo(sales.id());
        assertThat(links.get(1).count()).isEqualTo(2);
        assertThat(links.get(1).order()).isEqualTo(1);
        links.forEach(link -> assertMeteorId(link.id()));
        assertThat(links.get(0).id()).isNotEqualTo(links.get(1).id());
        assertThat(departments.findAgents(empty.id())).isEmpty();
        assertThat(departments.countAgents(List.of(sales.id(), empty.id(), new DepartmentId("unknownDepartment"))))
                .isEqualTo(Map.of(sales.id(), 2, empty.id(), 0, new DepartmentId("unknownDepartment"), 0));
        assertThat(departments.findDepartmentsOfAgent(ana.id())).containsExactly(sales.id());
        assertThat(departments.findDepartmentsOfAgent(new dev.livechat.domain.shared.UserId("nobody"))).isEmpty();
    }

    @Test
    public final void replaceAgentsKeepsTheIdsOfRemainingLinksAndDeletesTheOthers() {
        Department sales = f.department("Sales", true);
        Department support = f.department("Support", true);
        User faria = f.agent("faria");
        User omar = f.agent("omar");
        User zoe = f.agent("zoe");
        departments.replaceAgents(sales.id(), List.of(new AgentLink(faria.id(), "faria", 0, 0),
                new AgentLink(omar.id(), "omar", 1, 1)));
        departments.addAgent(support.id(), omar.id(), omar.username(), 0, 0);
        String fariaLink = departments.findAgents(sales.id()).get(0).id();

        departments.replaceAgents(sales.id(), List.of(new AgentLink(zoe.id(), "zoe", 5, 6),
                new AgentLink(faria.id(), "faria.renamed", 3, 4), new AgentLink(zoe.id(), "zoe-twice", 9, 9)));

        List<DepartmentAgent> links = departments.findAgents(sales.id());
        assertThat(links).extracting(DepartmentAgent::agentId).containsExactly(faria.id(), zoe.id());
        assertThat(links.get(0)).isEqualTo(new DepartmentAgent(fariaLink, sales.id(), faria.id(), "faria.renamed", 3, 4));
        assertThat(links.get(1).username()).isEqualTo("zoe");
        assertThat(links.get(1).count()).isEqualTo(5);
        assertMeteorId(links.get(1).id());
        assertThat(departments.isAgentOf(omar.id(), sales.id())).isFalse();
        assertThat(departments.isAgentOf(omar.id(), support.id())).isTrue();
        assertThat(departments.countAgents(List.of(sales.id(), support.id())))
                .isEqualTo(Map.of(sales.id(), 2, support.id(), 1));

        departments.replaceAgents(sales.id(), List.of());
        assertThat(departments.findAgents(sales.id())).isEmpty();
        assertThat(departments.countAgents(List.of(sales.id()))).isEqualTo(Map.of(sales.id(), 0));
    }
}
