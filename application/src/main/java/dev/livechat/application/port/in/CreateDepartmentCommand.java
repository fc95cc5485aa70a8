package dev.livechat.application.port.in;

import java.util.List;

/** {@code POST livechat/department} (contract 4.7); {@code agents} null = absent. */
public record CreateDepartmentCommand(Caller caller, DepartmentData department, List<DepartmentAgentData> agents) {

    public CreateDepartmentCommand {
        agents = agents == null ? null : List.copyOf(agents);
    }
}
