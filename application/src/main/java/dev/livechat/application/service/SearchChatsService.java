package dev.livechat.application.service;

import dev.livechat.application.port.in.SearchChatsQuery;
import dev.livechat.application.port.in.SearchChatsUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.application.port.out.VisitorChatSearch.ChatSearchFilter;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.VisitorId;

import java.util.Objects;

/** Searches a visitor's rooms by state, source and literal message text (contract 3.2). */
public final class SearchChatsService implements SearchChatsUseCase {

    private final RoomRepository rooms;
    private final DepartmentRepository departments;
    private final VisitorChatSearch chatSearch;

    public SearchChatsService(RoomRepository rooms, DepartmentRepository departments, VisitorChatSearch chatSearch) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.chatSearch = Objects.requireNonNull(chatSearch, "chatSearch");
    }

    @Override
    public Page<RoomSnapshot> searchChats(SearchChatsQuery query) {
        VisitorId visitorId = VisitorRooms.authorize(query.caller(), query.roomId(), query.visitorId(), rooms,
                departments);
        ChatSearchFilter filter = new ChatSearchFilter(emptyToNull(query.searchText()), query.closedChatsOnly(),
                query.servedChatsOnly(), emptyToNull(query.source()));
        return VisitorRooms.snapshots(chatSearch.searchChats(visitorId, filter,
                VisitorRooms.sortOrDefault(query.sort()), query.offset(), query.count()));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
