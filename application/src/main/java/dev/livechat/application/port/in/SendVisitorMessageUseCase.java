package dev.livechat.application.port.in;

/** Stores a visitor's text message and applies its effects on the room (contract 4.10, 5). */
public interface SendVisitorMessageUseCase {

    dev.livechat.domain.message.Message sendVisitorMessage(SendVisitorMessageCommand command);
}
