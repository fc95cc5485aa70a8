package dev.livechat.application.port.in;

import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.Page;

/** Every room of a visitor, for a caller who may access the given room of that visitor (contract 3.1). */
public interface ChatHistoryUseCase {

    Page<RoomSnapshot> chatHistory(ChatHistoryQuery query);
}
