package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Columns;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.LastChat;
import dev.livechat.domain.visitor.Visitor;

import java.sql.SQLException;

/** Maps a {@link Visitor} to and from a {@code visitors} row. */
final class VisitorMapper {

    private VisitorMapper() {
    }

    static Row row(Visitor visitor) {
        LastChat lastChat = visitor.lastChat().orElse(null);
        return new Row()
                .string("id", visitor.id().value())
                .string("username", visitor.username())
                .string("token", visitor.token().value())
                .timestamp("ts", visitor.ts())
                .timestamp("updated_at", visitor.updatedAt())
                .string("status", visitor.status())
                .string("name", visitor.name().orElse(null))
                .string("email", visitor.email().orElse(null))
                .string("phone", visitor.phone().orElse(null))
                .string("department_id", visitor.department().map(DepartmentId::value).orElse(null))
                .string("last_chat_id", lastChat == null ? null : lastChat.id().value())
                .timestamp("last_chat_ts", lastChat == null ? null : lastChat.ts());
    }

    static Visitor read(Columns c) throws SQLException {
        String department = c.string("department_id");
        String lastChatId = c.string("last_chat_id");
        return Visitor.restore(new VisitorId(c.string("id")), c.string("username"),
                c.instant("ts"), c.instant("updated_at"),
                new VisitorToken(c.string("token")), c.string("status"), c.string("name"),
                c.string("email"), c.string("phone"), department == null ? null : new DepartmentId(department),
                lastChatId == null ? null : new LastChat(new RoomId(lastChatId), c.instant("last_chat_ts")));
    }
}
