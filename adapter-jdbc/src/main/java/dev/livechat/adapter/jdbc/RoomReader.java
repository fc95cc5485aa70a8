package dev.livechat.adapter.jdbc;

import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.SurveyFeedback;
import dev.livechat.adapter.jdbc.internal.Columns;
import dev.livechat.adapter.jdbc.internal.PlainQuery;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a query over {@code rooms} into {@link Room}s: the rows first, then the tags and survey answers of all of them
 * with one query each ({@code IN} on the child tables' primary keys), each only when a row's {@code tag_count} or
 * {@code has_survey_feedback} says there is something to read: a page costs one to three statements.
 */
final class RoomReader {

    private RoomReader() {
    }

    private record Loaded(String id, RoomSnapshot.Builder snapshot, boolean hasSurvey, boolean hasTags) {
    }

    /** Reads the column of each room row that the query adds besides the room's own columns. */
    @FunctionalInterface
    interface ExtraColumns {
        void read(Columns row) throws SQLException;
    }

    static List<Room> load(Handle handle, Query roomQuery) {
        return load(handle, roomQuery, rs -> { });
    }

    /** Like {@link #load(Handle, Query)}, handing every row to {@code extra} as well. */
    static List<Room> load(Handle handle, Query roomQuery, ExtraColumns extra) {
        return complete(handle, roomQuery
                .map((rs, ctx) -> {
                    Columns c = Columns.of(rs, ctx);
                    extra.read(c);
                    return loaded(c);
                })
                .list());
    }

    /** The rooms of {@code roomSql} with one {@code ?} placeholder for {@code parameter}, run as a plain query. */
    static List<Room> load(Handle handle, String roomSql, String parameter) {
        return complete(handle, PlainQuery.list(handle, roomSql, parameter, RoomReader::loaded));
    }

    private static Loaded loaded(Columns c) throws SQLException {
        return new Loaded(c.string("id"), RoomMapper.read(c), c.bool("has_survey_feedback"), c.integer("tag_count") > 0);
    }

    private static List<Room> complete(Handle handle, List<Loaded> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Loaded::id).toList();
        Map<String, List<String>> tags = new HashMap<>();
        if (rows.stream().anyMatch(Loaded::hasTags)) {
            // pk_room_tags (room_id, position)
            handle.createQuery("SELECT room_id, tag FROM room_tags WHERE room_id IN (<ids>) ORDER BY room_id, position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("room_id"), rs.getString("tag")))
                    .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        Map<String, Map<String, String>> surveys = new HashMap<>();
        if (rows.stream().anyMatch(Loaded::hasSurvey)) {
            // pk_room_survey_answers (room_id, position)
            handle.createQuery("SELECT room_id, name, answer FROM room_survey_answers WHERE room_id IN (<ids>)"
                            + " ORDER BY room_id, position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> List.of(rs.getString("room_id"), rs.getString("name"), rs.getString("answer")))
                    .forEach(a -> surveys.computeIfAbsent(a.get(0), k -> new LinkedHashMap<>()).put(a.get(1), a.get(2)));
        }
        List<Room> rooms = new ArrayList<>(rows.size());
        for (Loaded row : rows) {
            String id = row.id();
            RoomSnapshot snapshot = row.snapshot()
                    .tags(tags.getOrDefault(id, List.of()))
                    .surveyFeedback(row.hasSurvey() ? new SurveyFeedback(surveys.getOrDefault(id, Map.of())) : null)
                    .build();
            rooms.add(Room.restore(snapshot));
        }
        return rooms;
    }
}
