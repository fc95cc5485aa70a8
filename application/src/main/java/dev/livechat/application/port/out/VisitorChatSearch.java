package dev.livechat.application.port.out;

import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;

import java.util.List;

/** Answers "which rooms did this visitor have?" for chat history and chat search (contract 3.1, 3.2). */
public interface VisitorChatSearch {

    /** Every room of the visitor (open and closed), sorted by {@code sort} then {@code _id} ascending, paged. */
    Page<Room> chatHistory(VisitorId visitorId, List<SortKey<RoomSortField>> sort, int offset, int count);

    /**
     * The visitor's rooms that pass every given filter, each at most once, sorted and paged like
     * {@link #chatHistory}.
     */
    Page<Room> searchChats(VisitorId visitorId, ChatSearchFilter filter, List<SortKey<RoomSortField>> sort, int offset,
                           int count);

    /**
     * Filters of {@code searchChats}; null or false = no filter.
     *
     * @param searchText       literal, case-insensitive ({@code SearchText.fold}) substring of at least one searchable
     *                         message of the room (visitor text, agent text, closing comment)
     * @param closedChatsOnly  only rooms with {@code closedAt}
     * @param servedChatsOnly  only rooms with {@code servedBy}
     * @param source           case-insensitive substring of {@code source.type} or {@code source.alias}
     */
    record ChatSearchFilter(String searchText, boolean closedChatsOnly, boolean servedChatsOnly, String source) {
    }
}
