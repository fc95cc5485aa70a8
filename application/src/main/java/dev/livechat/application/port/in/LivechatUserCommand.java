package dev.livechat.application.port.in;

/**
 * Adds ({@code username}) or removes ({@code userId}) the agent or manager role (contract 4.5).
 *
 * @param type   {@code "agent"} or {@code "manager"} as sent; anything else is {@code Invalid type}
 * @param target the username (add) or user id (remove) as sent
 */
public record LivechatUserCommand(Caller caller, String type, String target) {
}
