package dev.livechat.application.port.in;

/** {@code GET livechat/department/:_id} (contract 4.7). */
public record GetDepartmentQuery(Caller caller, String departmentId, boolean includeAgents) {
}
