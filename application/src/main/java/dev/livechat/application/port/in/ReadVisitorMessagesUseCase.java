package dev.livechat.application.port.in;

import dev.livechat.domain.message.Message;

import java.util.List;

/** The messages of a room as its visitor sees them, newest first (contract 4.11). */
public interface ReadVisitorMessagesUseCase {

    List<Message> readVisitorMessages(VisitorMessagesQuery query);
}
