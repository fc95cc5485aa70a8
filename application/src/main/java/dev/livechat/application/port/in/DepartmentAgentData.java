package dev.livechat.application.port.in;

/**
 * One item of a department's {@code agents} list (contract 4.7); {@code count} and {@code order} default to 0.
 *
 * @param agentId the user to link; users that are not agents are skipped
 */
public record DepartmentAgentData(String agentId, Integer count, Integer order) {
}
