package dev.livechat.application.port.in;

/** Stores the serving agent's text message and applies its effects on the room (contract 4.12, 5). */
public interface SendAgentMessageUseCase {

    dev.livechat.domain.message.Message sendAgentMessage(SendAgentMessageCommand command);
}
