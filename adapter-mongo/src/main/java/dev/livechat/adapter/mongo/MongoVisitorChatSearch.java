package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chat history and chat search over a visitor's livechat rooms ({@code rocketchat_room} by {@code v._id}). The flags
 * are query filters; the text and source filters are decided in Java with {@link SearchText}'s folding over the
 * visitor's rooms and their searchable messages (text and {@code livechat-close}), so the text is never a pattern and
 * case folding is exactly the contract's, without {@code $text} or collation. The matching room ids then go back to
 * the database for sorting and paging, so each room appears once.
 */
final class MongoVisitorChatSearch implements VisitorChatSearch {

    private final StoreCollections c;

    MongoVisitorChatSearch(StoreCollections c) {
        this.c = c;
    }

    @Override
    public Page<Room> chatHistory(VisitorId visitorId, List<SortKey<RoomSortField>> sort, int offset, int count) {
        return page("chat history", ofVisitor(visitorId), sort, offset, count);
    }

    @Override
    public Page<Room> searchChats(VisitorId visitorId, ChatSearchFilter filter, List<SortKey<RoomSortField>> sort,
                                  int offset, int count) {
        List<Bson> conditions = new ArrayList<>(List.of(ofVisitor(visitorId)));
        if (filter.closedChatsOnly()) {
            conditions.add(Filters.exists("closedAt"));
        }
        if (filter.servedChatsOnly()) {
            conditions.add(Filters.exists("servedBy"));
        }
        Bson query = Filters.and(conditions);
        String source = blankToNull(filter.source());
        String text = blankToNull(filter.searchText());
        if (source != null || text != null) {
            Set<String> ids = matchingRooms(query, source, text);
            query = Filters.and(query, Filters.in("_id", ids));
        }
        return page("chat search", query, sort, offset, count);
    }

    private Set<String> matchingRooms(Bson query, String source, String text) {
        return MongoErrors.call("chat search", () -> {
            Set<String> candidates = new LinkedHashSet<>();
            for (Document room : c.rooms.find(query).projection(Projections.include("source"))
                    .into(new ArrayList<>())) {
                if (source == null || sourceMatches(Bsons.document(room, "source"), source)) {
                    candidates.add(room.getString("_id"));
                }
            }
            if (text == null || candidates.isEmpty()) {
                return candidates;
            }
            Set<String> matched = new LinkedHashSet<>();
            try (MongoCursor<Document> messages = c.messages
                    .find(Filters.and(Filters.in("rid", candidates), MongoMessageRepository.searchable()))
                    .projection(Projections.include("rid", "msg"))
                    .cursor()) {
                while (messages.hasNext() && matched.size() < candidates.size()) {
                    Document message = messages.next();
                    String msg = Bsons.string(message, "msg");
                    if (msg != null && SearchText.containsIgnoreCase(msg, text)) {
                        matched.add(Bsons.string(message, "rid"));
                    }
                }
            }
            return matched;
        });
    }

    /** Rooms without {@code source} (older Rocket.Chat) are compared as {@link RoomMapper#UNKNOWN_SOURCE}. */
    private static boolean sourceMatches(Document source, String wanted) {
        String type = source == null ? RoomMapper.UNKNOWN_SOURCE.type() : Bsons.string(source, "type");
        String alias = Bsons.string(source, "alias");
        return (type != null && SearchText.containsIgnoreCase(type, wanted))
                || (alias != null && SearchText.containsIgnoreCase(alias, wanted));
    }

    private Page<Room> page(String operation, Bson query, List<SortKey<RoomSortField>> sort, int offset, int count) {
        List<String> fields = sort.stream().map(k -> k.field().wireName()).toList();
        List<Boolean> ascending = sort.stream().map(SortKey::ascending).toList();
        return Paging.page(operation, c.rooms, query, Paging.sort(fields, ascending), offset, count,
                doc -> Optional.of(Room.restore(RoomMapper.fromDocument(doc))));
    }

    private static Bson ofVisitor(VisitorId visitorId) {
        return Filters.and(MongoRoomRepository.livechat(), Filters.eq("v._id", visitorId.value()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
