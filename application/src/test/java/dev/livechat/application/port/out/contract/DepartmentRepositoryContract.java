package dev.livechat.application.port.out.contract;

import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
