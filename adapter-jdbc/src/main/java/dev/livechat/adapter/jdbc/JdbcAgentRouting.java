package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;

import java.time.Instant;
import java.util.List;

/**
 * Auto_Selection's read model over {@code users} (with the open-room counter that {@link OpenRoomCount} keeps),
 * {@code user_roles}, {@code login_tokens} and {@code department_agents}, and its lock: the single row of {@code routing_lock}, locked until the unit of work ends.
 */
final class JdbcAgentRouting implements AgentRouting {

    private final Database db;

    JdbcAgentRouting(Database db) {
        this.db = db;
    }

    @Override
    public void lockRouting() {
        if (!db.isInUnitOfWork()) {
            // A row lock outside a transaction would be released at once and serialise nothing.
            throw new IllegalStateException("lockRouting() must run inside TransactionRunner.inTransaction");
        }
        // pk_routing_lock
        db.read(handle -> handle.createQuery("SELECT lock_id FROM routing_lock WHERE lock_id = 1 FOR UPDATE")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<AgentCandidate> findCandidates(DepartmentId departmentOrNull, Instant now) {
        // ix_user_roles_role finds the agents, pk_users their rows, pk_login_tokens (user_id prefix) their sessions,
        // pk_department_agents + pk_departments the department filter; the open-room count is the agent's counter
        // (OpenRoomCount), not a count over rooms.
        String sql = "SELECT u.id, u.username, u.last_assigned_at, u.open_rooms"
                + " FROM user_roles ur JOIN users u ON u.id = ur.user_id"
                + " WHERE ur.role = :agentRole AND u.active = :active AND u.status_livechat = :available"
                + " AND EXISTS (SELECT 1 FROM login_tokens t WHERE t.user_id = u.id AND t.expires_at > :now)"
                + (departmentOrNull == null ? "" : " AND EXISTS (SELECT 1 FROM department_agents da"
                        + " JOIN departments d ON d.id = da.department_id"
                        + " WHERE da.department_id = :departmentId AND da.agent_id = u.id AND d.enabled = :enabled)")
                + " ORDER BY u.username, u.id";
        return db.read(handle -> handle.createQuery(sql)
                .bind("agentRole", Role.LIVECHAT_AGENT.wireName())
                .bind("active", true)
                .bind("available", AgentStatus.AVAILABLE.wireName())
                .bind("now", SqlValues.timestamp(now))
                .bind("departmentId", departmentOrNull == null ? null : departmentOrNull.value())
                .bind("enabled", true)
                .map((rs, ctx) -> new AgentCandidate(new UserId(rs.getString("id")), rs.getString("username"),
                        rs.getInt("open_rooms"), SqlValues.instant(rs, "last_assigned_at")))
                .list());
    }

    @Override
    public void recordAssignment(UserId agentId, Instant at) {
        // pk_users
        db.execute(handle -> handle.createUpdate("UPDATE users SET last_assigned_at = :at WHERE id = :id")
                .bind("at", SqlValues.timestamp(at))
                .bind("id", agentId.value())
                .execute());
    }
}
