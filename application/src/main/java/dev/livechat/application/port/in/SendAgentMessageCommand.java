package dev.livechat.application.port.in;

/** {@code POST chat.sendMessage} (contract 4.12); {@code messageId} may be null. */
public record SendAgentMessageCommand(Caller caller, String rid, String msg, String messageId) {
}
