package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Columns;
import dev.livechat.adapter.jdbc.internal.Database;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Messages in {@code messages}, one row each, with the folded text that chat search matches. */
final class JdbcMessageRepository implements MessageRepository {

    private final Database db;

    JdbcMessageRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Message message) {
        Row row = new Row();
        MessageMapper.write(row, "", message);
        row.string("msg_folded", SearchText.fold(message.msg()));
        // The primary key is the message id: a duplicate is MESSAGE_ID on every dialect, whatever name it reports.
        db.execute(Constraint.MESSAGE_ID, handle -> row.bindTo(handle.createUpdate(row.insertInto("messages"))).execute());
    }

    @Override
    public Optional<Message> findById(MessageId id) {
        // pk_messages
        return db.read(handle -> handle.createQuery("SELECT * FROM messages WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> MessageMapper.read(Columns.of(rs, ctx), ""))
                .findOne());
    }

    @Override
    public List<Message> findVisitorVisible(RoomId roomId, Instant before, int offset, int limit) {
        // ix_messages_room_ts (room_id, ts, id), scanned backwards from `before`
        String sql = "SELECT * FROM messages WHERE room_id = :roomId"
                + " AND (msg_type IS NULL OR msg_type NOT IN (:command, :joined, :left))"
                + (before == null ? "" : " AND ts < :before")
                + " ORDER BY ts DESC, id DESC LIMIT :limit OFFSET :offset";
        return db.read(handle -> handle.createQuery(sql)
                .bind("roomId", roomId.value())
                .bind("command", MessageType.COMMAND.wireName())
                .bind("joined", MessageType.USER_JOINED.wireName())
                .bind("left", MessageType.USER_LEFT.wireName())
                .bind("before", SqlValues.timestamp(before))
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> MessageMapper.read(Columns.of(rs, ctx), ""))
                .list());
    }

    @Override
    public List<Message> findByRoom(RoomId roomId) {
        // ix_messages_room_ts
        return db.read(handle -> handle.createQuery("SELECT * FROM messages WHERE room_id = :roomId ORDER BY ts, id")
                .bind("roomId", roomId.value())
                .map((rs, ctx) -> MessageMapper.read(Columns.of(rs, ctx), ""))
                .list());
    }

    @Override
    public void deleteByRoomId(RoomId roomId) {
        // ix_messages_room_ts (room_id prefix)
        db.execute(handle -> handle.createUpdate("DELETE FROM messages WHERE room_id = :roomId")
                .bind("roomId", roomId.value())
                .execute());
    }
}
