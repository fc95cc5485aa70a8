package dev.livechat.application.port.out;

import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores departments and which agents belong to them; names are unique (exact match). Agent links get their
 * {@code _id} from the store (17 characters of the id alphabet, contract 1.3) when they are created, and keep it while
 * they exist.
 */
public interface DepartmentRepository {

    /**
     * @throws UniqueConstraintViolation {@code DEPARTMENT_NAME} when the name is taken
     */
    void insert(Department department);

    Optional<Department> findById(DepartmentId id);

    /** Exact, case-sensitive name match. */
    Optional<Department> findByName(String name);

    /** Links an agent to a department (idempotent). */
    void addAgent(DepartmentId departmentId, UserId agentId, String username, int count, int order);

    boolean isAgentOf(UserId agentId, DepartmentId departmentId);

    /** Deletes every department link of the agent (its agent role was revoked, contract 4.5); nothing when none. */
    void removeAgentFromAll(UserId agentId);

    /**
     * Replaces the stored department with the same id: every field of {@code department} (name, enabled, description,
     * the two flags, email, {@code _updatedAt}); nothing when the id is unknown.
     *
     * @throws UniqueConstraintViolation {@code DEPARTMENT_NAME} when another department has the name
     */
    void update(Department department);

    /** Deletes the department and every agent link of it; nothing when the id is unknown. */
    void delete(DepartmentId id);

    /**
     * Departments whose name contains {@code text} (literal, case-insensitive with {@code SearchText.fold}; null = no
     * filter), only enabled ones when {@code enabledOnly}, sorted by {@code sort} then id ascending, paged.
     */
    Page<Department> find(String text, boolean enabledOnly, List<SortKey<DepartmentSortField>> sort, int offset,
                          int count);

    /** The agent links of the department, by username then agent id; empty when none or the id is unknown. */
    List<DepartmentAgent> findAgents(DepartmentId id);

    /**
     * Makes {@code links} the department's agent links: links of agents not listed are deleted, links of listed agents
     * that exist keep their {@code _id} and take the given username, count and order, the others are created. Agents
     * listed twice count once (the first entry). Atomic on stores with transactions; otherwise each link is one write.
     */
    void replaceAgents(DepartmentId id, List<AgentLink> links);

    /** The number of agent links ({@code numAgents}) of each given department; departments without links map to 0. */
    Map<DepartmentId, Integer> countAgents(Collection<DepartmentId> ids);

    /** The departments the agent belongs to (has a link in), in no particular order. */
    List<DepartmentId> findDepartmentsOfAgent(UserId agentId);

    /** An agent link as the application asks for it; the store gives it its {@code _id}. */
    record AgentLink(UserId agentId, String username, int count, int order) {

        public AgentLink {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(username, "username");
        }
    }
}
