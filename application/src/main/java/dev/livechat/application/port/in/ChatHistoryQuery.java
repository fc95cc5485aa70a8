package dev.livechat.application.port.in;

import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.SortKey;

import java.util.List;

/** {@code visitors.chatHistory} (contract 3.1); {@code sort} empty = default {@code {"ts":-1}}. */
public record ChatHistoryQuery(Caller caller, String roomId, String visitorId, List<SortKey<RoomSortField>> sort,
                               int offset, int count) {

    public ChatHistoryQuery {
        sort = List.copyOf(sort);
    }
}
