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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        PageQuery query = PageQuery.of(visitorId, filter, sort, offset, count);
        return db.read(handle -> {
            long[] total = {-1};
            List<Room> rooms = query.pageCarriesTotal()
                    ? RoomReader.load(handle, handle.createQuery(query.pageSql()).bindMap(query.bindings()),
                            row -> total[0] = row.bigint(PageQuery.TOTAL_COLUMN))
                    : RoomReader.load(handle, handle.createQuery(query.pageSql()).bindMap(query.bindings()));
            if (total[0] < 0) {
                // Without a text filter, or a page past the end (no row to carry the total): count on its own.
                total[0] = handle.createQuery(query.countSql()).bindMap(query.bindings()).mapTo(Long.class).one();
            }
            return new Page<>(rooms, total[0]);
        });
    }

    /**
     * The two statements behind one page, the total and the rows, with their named bindings; package-private so that
     * the PostgreSQL plan test explains exactly what runs. With a text filter the page statement carries the total as
     * well: its window count ({@link #TOTAL_COLUMN}) is taken over every matching room before LIMIT/OFFSET, so the
     * message probe runs once per page instead of once for the count and once for the rows, and the count statement
     * runs only for a page past the end. Without one, the count is an index range count and the window would cost
     * more than it saves (H2 then evaluates every column of every room of the visitor through its window machinery:
     * half of a chat history request, docs/benchmarks.md), so both statements run.
     */
    record PageQuery(String countSql, String pageSql, boolean pageCarriesTotal, Map<String, Object> bindings) {

        static final String TOTAL_COLUMN = "total_matches";

        static PageQuery of(VisitorId visitorId, ChatSearchFilter filter, List<SortKey<RoomSortField>> sort,
                            int offset, int count) {
            boolean byText = filter.searchText() != null && !filter.searchText().isEmpty();
            boolean bySource = filter.source() != null && !filter.source().isEmpty();
            Map<String, Object> bindings = new LinkedHashMap<>();
            bindings.put("visitorId", visitorId.value());
            // ix_rooms_v_id_ts narrows to the visitor's rooms; the remaining filters and the sort apply to those only.
            StringBuilder where = new StringBuilder(" FROM rooms r WHERE r.v_id = :visitorId");
            if (filter.closedChatsOnly()) {
                where.append(" AND r.closed_at IS NOT NULL");
            }
            if (filter.servedChatsOnly()) {
                where.append(" AND r.served_by_id IS NOT NULL");
            }
            if (bySource) {
                where.append(" AND (r.source_type_folded LIKE :source ESCAPE '!'")
                        .append(" OR r.source_alias_folded LIKE :source ESCAPE '!')");
                bindings.put("source", LikePattern.containsFolded(filter.source()));
            }
            if (byText) {
                // ix_messages_room_ts, probed once per room of the visitor; EXISTS keeps each room once however many
                // of its messages match. LIMIT 1 OFFSET 0 keeps the probe per room: without it PostgreSQL may turn
                // the EXISTS into a semi-join that hashes every matching message of the table (a Seq Scan of
                // messages for a visitor with thousands of rooms, see PostgresQueryPlanTest); a subquery with an
                // OFFSET is never pulled up. The other dialects run it as the same per-room probe.
                where.append(" AND EXISTS (SELECT 1 FROM messages m WHERE m.room_id = r.id")
                        .append(" AND (m.msg_type IS NULL OR m.msg_type = :closeType)")
                        .append(" AND m.msg_folded LIKE :text ESCAPE '!' LIMIT 1 OFFSET 0)");
                bindings.put("closeType", MessageType.LIVECHAT_CLOSE.wireName());
                bindings.put("text", LikePattern.containsFolded(filter.searchText()));
            }
            bindings.put("count", count);
            bindings.put("offset", offset);
            return new PageQuery("SELECT COUNT(*)" + where,
                    "SELECT r.*" + (byText ? ", COUNT(*) OVER () AS " + TOTAL_COLUMN : "") + where + orderBy(sort)
                            + " LIMIT :count OFFSET :offset",
                    byText, Collections.unmodifiableMap(bindings));
        }
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
