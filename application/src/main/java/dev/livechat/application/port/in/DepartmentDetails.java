package dev.livechat.application.port.in;

import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;

import java.util.List;
import java.util.Objects;

/**
 * A department as the API shows it (contract 2.5): its fields, {@code numAgents}, and its agent links when asked for.
 *
 * @param agents the links, or null when they were not asked for
 */
public record DepartmentDetails(Department department, int numAgents, List<DepartmentAgent> agents) {

    public DepartmentDetails {
        Objects.requireNonNull(department, "department");
        agents = agents == null ? null : List.copyOf(agents);
    }
}
