package dev.livechat.application.service;

import dev.livechat.application.port.in.ChatHistoryQuery;
import dev.livechat.application.port.in.ChatHistoryUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.VisitorId;

import java.util.Objects;

/** Lists every room of a visitor for a caller who may access one of that visitor's rooms (contract 3.1). */
public final class ChatHistoryService implements ChatHistoryUseCase {

    private final RoomRepository rooms;
    private final DepartmentRepository departments;
    private final VisitorChatSearch chatSearch;

    public ChatHistoryService(RoomRepository rooms, DepartmentRepository departments, VisitorChatSearch chatSearch) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.chatSearch = Objects.requireNonNull(chatSearch, "chatSearch");
    }

    @Override
    public Page<RoomSnapshot> chatHistory(ChatHistoryQuery query) {
        VisitorId visitorId = VisitorRooms.authorize(query.caller(), query.roomId(), query.visitorId(), rooms,
                departments);
        return VisitorRooms.snapshots(chatSearch.chatHistory(visitorId, VisitorRooms.sortOrDefault(query.sort()),
                query.offset(), query.count()));
    }
}
