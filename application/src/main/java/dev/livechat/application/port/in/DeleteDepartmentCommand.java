package dev.livechat.application.port.in;

/** {@code DELETE livechat/department/:_id} (contract 4.7). */
public record DeleteDepartmentCommand(Caller caller, String departmentId) {
}
