package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.LikePattern;
import dev.livechat.adapter.jdbc.internal.SortSql;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.VisitorId;

import java.util.List;

/**
 * Chat history and chat search over {@code rooms}: a visitor's rooms come from {@code ix_rooms_v_id_ts}, are filtered
 * on their own columns, and the text filter probes each room's messages through {@code ix_messages_room_ts}.
 */
final class JdbcVisitorChatSearch implements VisitorChatSearch {

    private final Database db;

    JdbcVisitorChatSearch(Database db) {
        this.db = db;
    }

    @Override
    public Page<Room> chatHistory(VisitorId visitorId, List<SortKey<RoomSortField>> sort, int offset, int count) {
        return page(visitorId, new ChatSearchFilter(null, false, false, null), sort, offset, count);
    }

    @Override
    public Page<Room> searchChats(VisitorId visitorId, ChatSearchFilter filter, List<SortKey<RoomSortField>> sort,
                                  int offset, int count) {
        return page(visitorId, filter, sort, offset, count);
    }

    private Page<Room> page(VisitorId visitorId, ChatSearchFilter filter, List<SortKey<RoomSortField>> sort, int offset,
                            int count) {
        boolean byText = filter.searchText() != null && !filter.searchText().isEmpty();
        boolean bySource = filter.source() != null && !filter.source().isEmpty();
        // ix_rooms_v_id_ts narrows to the visitor's rooms; the remaining filters and the sort apply to those only.
        StringBuilder where = new StringBuilder(" FROM rooms r WHERE r.v_id = :visitorId");
        if (filter.closedChatsOnly()) {
            where.append(" AND r.closed_at IS NOT NULL");
        }
        if (filter.servedChatsOnly()) {
            where.append(" AND r.served_by_id IS NOT NULL");
        }
        if (bySource) {
            where.append(" AND (r.source_type_folded LIKE :source ESCAPE '!' OR r.source_alias_folded LIKE :source ESCAPE '!')");
        }
        if (byText) {
            // ix_messages_room_ts: EXISTS keeps each room once however many of its messages match.
            where.append(" AND EXISTS (SELECT 1 FROM messages m WHERE m.room_id = r.id")
                    .append(" AND (m.msg_type IS NULL OR m.msg_type = :closeType)")
                    .append(" AND m.msg_folded LIKE :text ESCAPE '!')");
        }
        // One pass: the window count is taken over every matching room before LIMIT/OFFSET, so the filters (above all
        // the message probe of a text search) run once instead of once for the count and once for the page. Only a
        // page past the end has no row to carry the total; then it is counted on its own.
        String pageSql = "SELECT r.*, COUNT(*) OVER () AS total_matches" + where + orderBy(sort)
                + " LIMIT :count OFFSET :offset";
        String countSql = "SELECT COUNT(*)" + where;
        String source = bySource ? LikePattern.containsFolded(filter.source()) : null;
        String text = byText ? LikePattern.containsFolded(filter.searchText()) : null;
        return db.read(handle -> {
            long[] total = {-1};
            List<Room> rooms = RoomReader.load(handle, handle.createQuery(pageSql)
                    .bind("visitorId", visitorId.value())
                    .bind("source", source)
                    .bind("text", text)
                    .bind("closeType", MessageType.LIVECHAT_CLOSE.wireName())
                    .bind("count", count)
                    .bind("offset", offset), rs -> total[0] = rs.getLong("total_matches"));
            if (total[0] < 0) {
                total[0] = handle.createQuery(countSql)
                        .bind("visitorId", visitorId.value())
                        .bind("source", source)
                        .bind("text", text)
                        .bind("closeType", MessageType.LIVECHAT_CLOSE.wireName())
                        .mapTo(Long.class)
                        .one();
            }
            return new Page<>(rooms, total[0]);
        });
    }

    private static String orderBy(List<SortKey<RoomSortField>> sort) {
        SortSql order = new SortSql();
        for (SortKey<RoomSortField> key : sort) {
            switch (key.field()) {
                case TS -> order.notNull("r.ts", key.ascending());
                case LM -> order.notNull("r.lm", key.ascending());
                case CLOSED_AT -> order.nullable("r.closed_at", key.ascending());
                case UPDATED_AT -> order.notNull("r.updated_at", key.ascending());
                case MSGS -> order.notNull("r.msgs", key.ascending());
                case FNAME -> order.notNull("r.fname", key.ascending());
            }
        }
        return order.thenById("r.id");
    }
}
