package dev.livechat.application.port.in;

import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.Page;

/** A visitor's rooms filtered by state, source and message text (contract 3.2). */
public interface SearchChatsUseCase {

    Page<RoomSnapshot> searchChats(SearchChatsQuery query);
}
