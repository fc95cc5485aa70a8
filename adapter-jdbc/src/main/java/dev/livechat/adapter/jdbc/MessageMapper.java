package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Columns;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageAuthor;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.TransferData;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;

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
    static Message read(Columns columns, String prefix) throws SQLException {
        Labels l = Labels.of(prefix);
        String id = columns.string(l.id);
        if (id == null) {
            return null;
        }
        String typeName = columns.string(l.msgType);
        MessageType type = MessageType.fromWireName(typeName)
                .orElseThrow(() -> new IllegalStateException("unknown stored message type: " + typeName));
        MessageAuthor author = new MessageAuthor(columns.string(l.authorId),
                columns.string(l.authorUsername), columns.string(l.authorName));
        String token = columns.string(l.visitorToken);
        return new Message(new MessageId(id), new RoomId(columns.string(l.roomId)), columns.string(l.msg),
                type, columns.instant(l.ts), author, token == null ? null : new VisitorToken(token),
                columns.string(l.alias), readTransfer(columns, l));
    }

    private static TransferData readTransfer(Columns columns, Labels l) throws SQLException {
        var ts = columns.instant(l.transferTs);
        if (ts == null) {
            return null;
        }
        TransferData.Party by = new TransferData.Party(columns.string(l.transferById),
                columns.string(l.transferByUsername), columns.string(l.transferByName),
                columns.string(l.transferByType));
        TransferData.Party to = party(columns.string(l.transferToId),
                columns.string(l.transferToUsername), columns.string(l.transferToName),
                columns.string(l.transferToType));
        String nextId = columns.string(l.transferNextDepartmentId);
        String nextName = columns.string(l.transferNextDepartmentName);
        TransferData.NextDepartment next = nextId == null && nextName == null
                ? null : new TransferData.NextDepartment(nextId, nextName);
        return new TransferData(by, ts, columns.string(l.transferScope), columns.string(l.transferComment),
                columns.string(l.transferPreviousDepartment), next, to);
    }

    /**
     * The column labels behind one prefix, concatenated once: labels built per row were new strings whose hash the
     * driver computed again for every column of every row (7 % of a chat history request, docs/benchmarks.md).
     */
    private static final class Labels {
        private static final Labels PLAIN = new Labels("");
        private static final Labels ROOM = new Labels(ROOM_PREFIX);

        final String id;
        final String roomId;
        final String msg;
        final String msgType;
        final String ts;
        final String authorId;
        final String authorUsername;
        final String authorName;
        final String visitorToken;
        final String alias;
        final String transferTs;
        final String transferById;
        final String transferByUsername;
        final String transferByName;
        final String transferByType;
        final String transferToId;
        final String transferToUsername;
        final String transferToName;
        final String transferToType;
        final String transferNextDepartmentId;
        final String transferNextDepartmentName;
        final String transferScope;
        final String transferComment;
        final String transferPreviousDepartment;

        private Labels(String prefix) {
            id = prefix + "id";
            roomId = prefix + "room_id";
            msg = prefix + "msg";
            msgType = prefix + "msg_type";
            ts = prefix + "ts";
            authorId = prefix + "author_id";
            authorUsername = prefix + "author_username";
            authorName = prefix + "author_name";
            visitorToken = prefix + "visitor_token";
            alias = prefix + "alias";
            transferTs = prefix + "transfer_ts";
            transferById = prefix + "transfer_by_id";
            transferByUsername = prefix + "transfer_by_username";
            transferByName = prefix + "transfer_by_name";
            transferByType = prefix + "transfer_by_type";
            transferToId = prefix + "transfer_to_id";
            transferToUsername = prefix + "transfer_to_username";
            transferToName = prefix + "transfer_to_name";
            transferToType = prefix + "transfer_to_type";
            transferNextDepartmentId = prefix + "transfer_next_department_id";
            transferNextDepartmentName = prefix + "transfer_next_department_name";
            transferScope = prefix + "transfer_scope";
            transferComment = prefix + "transfer_comment";
            transferPreviousDepartment = prefix + "transfer_previous_department";
        }

        static Labels of(String prefix) {
            return prefix.isEmpty() ? PLAIN : prefix.equals(ROOM_PREFIX) ? ROOM : new Labels(prefix);
        }
    }

    private static TransferData.Party party(String id, String username, String name, String type) {
        return id == null && username == null && name == null && type == null
                ? null : new TransferData.Party(id, username, name, type);
    }
}
