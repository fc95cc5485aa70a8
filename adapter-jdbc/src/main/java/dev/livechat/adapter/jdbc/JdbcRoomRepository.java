package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rooms in {@code rooms} (+ {@code room_tags}, {@code room_survey_answers}); the unique index on
 * {@code open_visitor_token} enforces one open room per visitor token, and updates are a compare-and-set on
 * {@code version}.
 */
final class JdbcRoomRepository implements RoomRepository {

    /**
     * The open-room lookup of {@code GET livechat/room}, by {@code ux_rooms_open_visitor_token}, run as a
     * {@link dev.livechat.adapter.jdbc.internal.PlainQuery}; package-private for the PostgreSQL plan test.
     */
    static final String FIND_OPEN_BY_VISITOR_TOKEN = "SELECT * FROM rooms WHERE open_visitor_token = ?";
    /** A visitor's open rooms in creation order, by {@code ix_rooms_v_id_ts}; package-private for the plan test. */
    static final String FIND_OPEN_BY_VISITOR_ID =
            "SELECT * FROM rooms WHERE v_id = :visitorId AND is_open = :open ORDER BY ts, id";

    private final Database db;

    JdbcRoomRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(RoomSnapshot room) {
        Row row = RoomMapper.row(room).bigint("version", 0L);
        HandleCallback<Object, RuntimeException> insert = handle -> {
            // The room row goes first: its unique index decides a concurrent opening before anything else is written.
            row.bindTo(handle.createUpdate(row.insertInto("rooms"))).execute();
            OpenRoomCount.moved(handle, null, OpenRoomCount.servingAgent(room));
            insertChildren(handle, room);
            return null;
        };
        boolean withChildren = !room.tags().isEmpty() || room.surveyFeedback() != null
                || OpenRoomCount.servingAgent(room) != null;
        if (withChildren) {
            db.atomically(insert);
        } else {
            db.execute(insert);
        }
    }

    @Override
    public Optional<Room> findById(RoomId id) {
        // pk_rooms
        return db.read(handle -> RoomReader.load(handle,
                handle.createQuery("SELECT * FROM rooms WHERE id = :id").bind("id", id.value()))
                .stream().findFirst());
    }

    @Override
    public Optional<Room> findOpenByVisitorToken(VisitorToken token) {
        return db.read(handle -> RoomReader.load(handle, FIND_OPEN_BY_VISITOR_TOKEN, token.value())
                .stream().findFirst());
    }

    @Override
    public List<Room> findOpenByVisitorId(VisitorId visitorId) {
        return db.read(handle -> RoomReader.load(handle,
                handle.createQuery(FIND_OPEN_BY_VISITOR_ID)
                        .bind("visitorId", visitorId.value())
                        .bind("open", true)));
    }

    @Override
    public void update(RoomSnapshot room) {
        Row row = RoomMapper.row(room);
        String sql = row.updateSet("rooms", List.of("id")) + ", version = version + 1"
                + " WHERE id = :id AND version = :expectedVersion"; // pk_rooms
        db.atomically(handle -> {
            // The stored version's serving agent, read at the version the compare-and-set expects: if the update
            // below succeeds, this is the state it replaced (every room write increments the version).
            Optional<String> before = OpenRoomCount.servingAgent(handle, room.id(), room.version());
            int updated = before.isEmpty() ? 0
                    : row.bindTo(handle.createUpdate(sql)).bind("expectedVersion", room.version()).execute();
            if (updated == 0) {
                throw new ConcurrentUpdateException("room " + room.id().value());
            }
            OpenRoomCount.moved(handle, before.get().isEmpty() ? null : before.get(), OpenRoomCount.servingAgent(room));
            // pk_room_tags, pk_room_survey_answers (room_id prefix)
            handle.createUpdate("DELETE FROM room_tags WHERE room_id = :id").bind("id", room.id().value()).execute();
            handle.createUpdate("DELETE FROM room_survey_answers WHERE room_id = :id")
                    .bind("id", room.id().value()).execute();
            insertChildren(handle, room);
            return null;
        });
    }

    private static void insertChildren(Handle handle, RoomSnapshot room) {
        String id = room.id().value();
        if (!room.tags().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO room_tags (room_id, position, tag) VALUES (:roomId, :position, :tag)");
            for (int i = 0; i < room.tags().size(); i++) {
                batch.bind("roomId", id).bind("position", i).bind("tag", room.tags().get(i)).add();
            }
            batch.execute();
        }
        if (room.surveyFeedback() != null && !room.surveyFeedback().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO room_survey_answers (room_id, position, name, answer)"
                    + " VALUES (:roomId, :position, :name, :answer)");
            int position = 0;
            for (Map.Entry<String, String> answer : room.surveyFeedback().answers().entrySet()) {
                batch.bind("roomId", id).bind("position", position++)
                        .bind("name", answer.getKey()).bind("answer", answer.getValue()).add();
            }
            batch.execute();
        }
    }

    @Override
    public List<RoomId> findIdsByVisitorId(VisitorId visitorId) {
        // ix_rooms_v_id_ts (v_id prefix)
        return db.read(handle -> handle.createQuery("SELECT id FROM rooms WHERE v_id = :visitorId")
                .bind("visitorId", visitorId.value())
                .map((rs, ctx) -> new RoomId(rs.getString("id")))
                .list());
    }

    @Override
    public void delete(RoomId id) {
        // pk_rooms; room_tags and room_survey_answers go with it (ON DELETE CASCADE)
        db.atomically(handle -> {
            Optional<String> before = OpenRoomCount.servingAgent(handle, id, null);
            handle.createUpdate("DELETE FROM rooms WHERE id = :id").bind("id", id.value()).execute();
            before.filter(agent -> !agent.isEmpty()).ifPresent(agent -> OpenRoomCount.moved(handle, agent, null));
            return null;
        });
    }
}
