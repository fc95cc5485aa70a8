package dev.livechat.domain.department;

import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;

import java.util.Objects;

/**
 * A department agent link (contract 2.5): the agent belongs to the department. {@code departmentEnabled} is not kept
 * here: it is the department's {@code enabled}, rendered next to the link.
 *
 * @param id           the link's own id
 * @param departmentId the department
 * @param agentId      the agent
 * @param username     the agent's username when the link was written
 * @param count        Rocket.Chat's per-link chat count, as given (0 by default)
 * @param order        Rocket.Chat's per-link order, as given (0 by default)
 */
public record DepartmentAgent(String id, DepartmentId departmentId, UserId agentId, String username, int count,
                              int order) {

    public DepartmentAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(departmentId, "departmentId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(username, "username");
    }
}
