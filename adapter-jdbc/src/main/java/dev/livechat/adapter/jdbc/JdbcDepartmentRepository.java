package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.LikePattern;
import dev.livechat.adapter.jdbc.internal.LinkIds;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SortSql;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        db.execute(handle -> insertLinkIfAbsent(handle, departmentId, new AgentLink(agentId, username, count, order)));
    }

    private Object insertLinkIfAbsent(Handle handle, DepartmentId departmentId, AgentLink link) {
        return handle.createUpdate(db.dialect().insertDepartmentAgentIfAbsent())
                .bind("linkId", LinkIds.newId())
                .bind("departmentId", departmentId.value())
                .bind("agentId", link.agentId().value())
                .bind("username", link.username())
                .bind("agentCount", link.count())
                .bind("sortOrder", link.order())
                .execute();
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

    @Override
    public void update(Department department) {
        Row row = DepartmentMapper.row(department);
        String sql = row.updateSet("departments", List.of("id")) + " WHERE id = :id"; // pk_departments
        db.execute(handle -> row.bindTo(handle.createUpdate(sql)).execute());
    }

    @Override
    public void delete(DepartmentId id) {
        db.atomically(handle -> {
            // pk_department_agents (department_id prefix), then pk_departments
            handle.createUpdate("DELETE FROM department_agents WHERE department_id = :id").bind("id", id.value())
                    .execute();
            return handle.createUpdate("DELETE FROM departments WHERE id = :id").bind("id", id.value()).execute();
        });
    }

    @Override
    public Page<Department> find(String text, boolean enabledOnly, List<SortKey<DepartmentSortField>> sort, int offset,
                                 int count) {
        // ux_departments_name serves the default order by name; the filters scan the (small) departments table.
        List<String> conditions = new ArrayList<>();
        if (enabledOnly) {
            conditions.add("enabled = :enabled");
        }
        if (text != null) {
            conditions.add("name_folded LIKE :pattern ESCAPE '!'");
        }
        String where = " FROM departments" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        SortSql order = new SortSql();
        for (SortKey<DepartmentSortField> key : sort) {
            switch (key.field()) {
                case NAME -> order.notNull("name", key.ascending());
                case UPDATED_AT -> order.notNull("updated_at", key.ascending());
            }
        }
        String pattern = text == null ? null : LikePattern.containsFolded(text);
        return db.read(handle -> {
            long total = handle.createQuery("SELECT COUNT(*)" + where)
                    .bind("enabled", true)
                    .bind("pattern", pattern)
                    .mapTo(Long.class)
                    .one();
            List<Department> items = handle.createQuery("SELECT *" + where + order.thenById("id")
                            + " LIMIT :count OFFSET :offset")
                    .bind("enabled", true)
                    .bind("pattern", pattern)
                    .bind("count", count)
                    .bind("offset", offset)
                    .map((rs, ctx) -> DepartmentMapper.read(rs))
                    .list();
            return new Page<>(items, total);
        });
    }

    @Override
    public List<DepartmentAgent> findAgents(DepartmentId id) {
        // pk_department_agents (department_id prefix)
        return db.read(handle -> handle.createQuery("SELECT id, department_id, agent_id, username, agent_count,"
                        + " sort_order FROM department_agents WHERE department_id = :id ORDER BY username, agent_id")
                .bind("id", id.value())
                .map((rs, ctx) -> new DepartmentAgent(
                        rs.getString("id") != null ? rs.getString("id") : rs.getString("agent_id"),
                        new DepartmentId(rs.getString("department_id")), new UserId(rs.getString("agent_id")),
                        rs.getString("username"), rs.getInt("agent_count"), rs.getInt("sort_order")))
                .list());
    }

    @Override
    public void replaceAgents(DepartmentId id, List<AgentLink> links) {
        Map<UserId, AgentLink> wanted = new LinkedHashMap<>();
        links.forEach(link -> wanted.putIfAbsent(link.agentId(), link));
        db.atomically(handle -> {
            // pk_department_agents (department_id prefix) for the deletion and each update
            List<UserId> keep = List.copyOf(wanted.keySet());
            String notKept = keep.isEmpty() ? "" : " AND agent_id NOT IN (" + placeholders("a", keep.size()) + ")";
            var delete = handle.createUpdate("DELETE FROM department_agents WHERE department_id = :id" + notKept)
                    .bind("id", id.value());
            for (int i = 0; i < keep.size(); i++) {
                delete.bind("a" + i, keep.get(i).value());
            }
            delete.execute();
            for (AgentLink link : wanted.values()) {
                int updated = handle.createUpdate("UPDATE department_agents SET username = :username,"
                                + " agent_count = :agentCount, sort_order = :sortOrder"
                                + " WHERE department_id = :id AND agent_id = :agentId")
                        .bind("username", link.username())
                        .bind("agentCount", link.count())
                        .bind("sortOrder", link.order())
                        .bind("id", id.value())
                        .bind("agentId", link.agentId().value())
                        .execute();
                if (updated == 0) {
                    insertLinkIfAbsent(handle, id, link);
                }
            }
            return null;
        });
    }

    @Override
    public Map<DepartmentId, Integer> countAgents(Collection<DepartmentId> ids) {
        Map<DepartmentId, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, 0));
        if (counts.isEmpty()) {
            return Map.of();
        }
        List<DepartmentId> wanted = List.copyOf(counts.keySet());
        // pk_department_agents (department_id prefix)
        db.read(handle -> {
            Query query = handle.createQuery("SELECT department_id, COUNT(*) AS links FROM department_agents"
                    + " WHERE department_id IN (" + placeholders("d", wanted.size()) + ") GROUP BY department_id");
            for (int i = 0; i < wanted.size(); i++) {
                query.bind("d" + i, wanted.get(i).value());
            }
            query.map((rs, ctx) -> Map.entry(new DepartmentId(rs.getString("department_id")), rs.getInt("links")))
                    .list()
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return null;
        });
        return Map.copyOf(counts);
    }

    @Override
    public List<DepartmentId> findDepartmentsOfAgent(UserId agentId) {
        // ix_department_agents_agent
        return db.read(handle -> handle.createQuery("SELECT department_id FROM department_agents"
                        + " WHERE agent_id = :agentId")
                .bind("agentId", agentId.value())
                .map((rs, ctx) -> new DepartmentId(rs.getString("department_id")))
                .list());
    }

    /** {@code :p0, :p1, ...}: bind parameters for an {@code IN} list built from code, never from requests. */
    static String placeholders(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(":" + prefix + i);
        }
        return String.join(", ", names);
    }
}
