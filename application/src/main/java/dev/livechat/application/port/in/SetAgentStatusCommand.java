package dev.livechat.application.port.in;

/**
 * {@code livechat/agent.status} (contract 4.6).
 *
 * @param status  {@code "available"} / {@code "not-available"}, or null to toggle
 * @param agentId whose status; null = the caller
 */
public record SetAgentStatusCommand(Caller caller, String status, String agentId) {
}
