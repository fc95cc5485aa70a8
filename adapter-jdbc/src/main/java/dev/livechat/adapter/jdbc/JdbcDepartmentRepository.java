package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;

import java.util.Optional;

/** Departments in {@code departments} (name unique) and their agent links in {@code department_agents}. */
final class JdbcDepartmentRepository implements DepartmentRepository {

    private final Database db;

    JdbcDepartmentRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Department department) {
        Row row = DepartmentMapper.row(department);
        db.execute(handle -> row.bindTo(handle.createUpdate(row.insertInto("departments"))).execute());
    }

    @Override
    public Optional<Department> findById(DepartmentId id) {
        // pk_departments
        return findOne("id", id.value());
    }

    @Override
    public Optional<Department> findByName(String name) {
        // ux_departments_name
        return findOne("name", name);
    }

    private Optional<Department> findOne(String column, String value) {
        return db.read(handle -> handle.createQuery("SELECT * FROM departments WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> DepartmentMapper.read(rs))
                .findOne());
    }

    @Override
    public void addAgent(DepartmentId departmentId, UserId agentId, String username, int count, int order) {
        // pk_department_agents decides "already linked"; the statement leaves an existing link as it is.
        db.execute(handle -> handle.createUpdate(db.dialect().insertDepartmentAgentIfAbsent())
                .bind("departmentId", departmentId.value())
                .bind("agentId", agentId.value())
                .bind("username", username)
                .bind("agentCount", count)
                .bind("sortOrder", order)
                .execute());
    }

    @Override
    public boolean isAgentOf(UserId agentId, DepartmentId departmentId) {
        // pk_department_agents
        return db.read(handle -> handle.createQuery("SELECT COUNT(*) FROM department_agents"
                        + " WHERE department_id = :departmentId AND agent_id = :agentId")
                .bind("departmentId", departmentId.value())
                .bind("agentId", agentId.value())
                .mapTo(Long.class)
                .one() > 0);
    }

    @Override
    public void removeAgentFromAll(UserId agentId) {
        // ix_department_agents_agent
        db.execute(handle -> handle.createUpdate("DELETE FROM department_agents WHERE agent_id = :agentId")
                .bind("agentId", agentId.value())
                .execute());
    }
}
