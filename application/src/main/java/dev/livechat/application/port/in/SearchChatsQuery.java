package dev.livechat.application.port.in;

import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.SortKey;

import java.util.List;

/**
 * {@code visitors.searchChats} (contract 3.2).
 *
 * @param searchText null or empty = no text filter
 * @param source     null = no source filter
 */
public record SearchChatsQuery(Caller caller, String roomId, String visitorId, String searchText,
                               boolean closedChatsOnly, boolean servedChatsOnly, String source,
                               List<SortKey<RoomSortField>> sort, int offset, int count) {

    public SearchChatsQuery {
        sort = List.copyOf(sort);
    }
}
