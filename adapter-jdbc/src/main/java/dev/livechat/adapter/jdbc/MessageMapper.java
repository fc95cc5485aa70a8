package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps a {@link Message} to and from its columns: the {@code messages} table uses the plain names, a room's copy of
 * its last message the same names behind the prefix {@code last_message_}.
 */
final class MessageMapper {

    static final String ROOM_PREFIX = "last_message_";

    private MessageMapper() {
    }

    /** Adds the message's columns, each named {@code prefix + column}. */
    static void write(Row row, String prefix, Message message) {
        TransferData transfer = message.transferData();
        TransferData.Party by = transfer == null ? null : transfer.transferredBy();
        TransferData.Party to = transfer == null ? null : transfer.transferredTo();
        TransferData.NextDepartment next = transfer == null ? null : transfer.nextDepartment();
        row.string(prefix + "id", message.id().value())
                .string(prefix + "room_id", message.rid().value())
                .string(prefix + "msg", message.msg())
                .string(prefix + "msg_type", message.type().wireName())
                .timestamp(prefix + "ts", message.ts())
                .string(prefix + "author_id", message.author().id())
                .string(prefix + "author_username", message.author().username())
                .string(prefix + "author_name", message.author().name())
                .string(prefix + "visitor_token", message.visitorToken() == null ? null : message.visitorToken().value())
                .string(prefix + "alias", message.alias())
                .string(prefix + "transfer_by_id", by == null ? null : by.id())
                .string(prefix + "transfer_by_username", by == null ? null : by.username())
                .string(prefix + "transfer_by_name", by == null ? null : by.name())
                .string(prefix + "transfer_by_type", by == null ? null : by.type())
                .timestamp(prefix + "transfer_ts", transfer == null ? null : transfer.ts())
                .string(prefix + "transfer_scope", transfer == null ? null : transfer.scope())
                .string(prefix + "transfer_comment", transfer == null ? null : transfer.comment())
                .string(prefix + "transfer_previous_department", transfer == null ? null : transfer.previousDepartment())
                .string(prefix + "transfer_next_department_id", next == null ? null : next.id())
                .string(prefix + "transfer_next_department_name", next == null ? null : next.name())
                .string(prefix + "transfer_to_id", to == null ? null : to.id())
                .string(prefix + "transfer_to_username", to == null ? null : to.username())
                .string(prefix + "transfer_to_name", to == null ? null : to.name())
                .string(prefix + "transfer_to_type", to == null ? null : to.type());
    }

    /** Adds the columns of "no message" (a room before its first message). */
    static void writeAbsent(Row row, String prefix) {
        for (String column : new String[] {"id", "room_id", "msg", "msg_type", "author_id", "author_username",
                "author_name", "visitor_token", "alias", "transfer_by_id", "transfer_by_username", "transfer_by_name",
                "transfer_by_type", "transfer_scope", "transfer_comment", "transfer_previous_department",
                "transfer_next_department_id", "transfer_next_department_name", "transfer_to_id",
                "transfer_to_username", "transfer_to_name", "transfer_to_type"}) {
            row.string(prefix + column, null);
        }
        row.timestamp(prefix + "ts", null).timestamp(prefix + "transfer_ts", null);
    }

    /** The message in the columns named {@code prefix + column}, or null when its id column is NULL. */
    static Message read(ResultSet rs, String prefix) throws SQLException {
        String id = rs.getString(prefix + "id");
        if (id == null) {
            return null;
        }
        String typeName = rs.getString(prefix + "msg_type");
        MessageType type = MessageType.fromWireName(typeName)
                .orElseThrow(() -> new IllegalStateException("unknown stored message type: " + typeName));
        MessageAuthor author = new MessageAuthor(rs.getString(prefix + "author_id"),
                rs.getString(prefix + "author_username"), rs.getString(prefix + "author_name"));
        String token = rs.getString(prefix + "visitor_token");
        return new Message(new MessageId(id), new RoomId(rs.getString(prefix + "room_id")), rs.getString(prefix + "msg"),
                type, SqlValues.instant(rs, prefix + "ts"), author, token == null ? null : new VisitorToken(token),
                rs.getString(prefix + "alias"), readTransfer(rs, prefix));
    }

    private static TransferData readTransfer(ResultSet rs, String prefix) throws SQLException {
        var ts = SqlValues.instant(rs, prefix + "transfer_ts");
        if (ts == null) {
            return null;
        }
        TransferData.Party by = new TransferData.Party(rs.getString(prefix + "transfer_by_id"),
                rs.getString(prefix + "transfer_by_username"), rs.getString(prefix + "transfer_by_name"),
                rs.getString(prefix + "transfer_by_type"));
        TransferData.Party to = party(rs.getString(prefix + "transfer_to_id"),
                rs.getString(prefix + "transfer_to_username"), rs.getString(prefix + "transfer_to_name"),
                rs.getString(prefix + "transfer_to_type"));
        String nextId = rs.getString(prefix + "transfer_next_department_id");
        String nextName = rs.getString(prefix + "transfer_next_department_name");
        TransferData.NextDepartment next = nextId == null && nextName == null
                ? null : new TransferData.NextDepartment(nextId, nextName);
        return new TransferData(by, ts, rs.getString(prefix + "transfer_scope"), rs.getString(prefix + "transfer_comment"),
                rs.getString(prefix + "transfer_previous_department"), next, to);
    }

    private static TransferData.Party party(String id, String username, String name, String type) {
        return id == null && username == null && name == null && type == null
                ? null : new TransferData.Party(id, username, name, type);
    }
}
