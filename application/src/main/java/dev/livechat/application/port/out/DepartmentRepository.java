package dev.livechat.application.port.out;

import dev.livechat.domain.department.Department;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;

import java.util.Optional;

/** Stores departments and which agents belong to them; names are unique (exact match). */
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
}
