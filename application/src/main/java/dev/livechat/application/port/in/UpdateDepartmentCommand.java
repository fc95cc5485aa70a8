package dev.livechat.application.port.in;

import java.util.List;

/** {@code PUT livechat/department/:_id} (contract 4.7); {@code agents} null = keep the links as they are. */
public record UpdateDepartmentCommand(Caller caller, String departmentId, DepartmentData department,
                                      List<DepartmentAgentData> agents) {

    public UpdateDepartmentCommand {
        agents = agents == null ? null : List.copyOf(agents);
    }
}
