package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps an {@link Inquiry} to and from an {@code inquiries} row. */
final class InquiryMapper {

    private InquiryMapper() {
    }

    static Row row(Inquiry inquiry) {
        RoomVisitor v = inquiry.visitor();
        return new Row()
                .string("id", inquiry.id().value())
                .string("room_id", inquiry.rid().value())
                .string("name", inquiry.name())
                .timestamp("ts", inquiry.ts())
                .string("status", inquiry.status().wireName())
                .string("v_id", v.id().value())
                .string("v_username", v.username())
                .string("v_token", v.token().value())
                .string("v_status", v.status())
                .timestamp("v_last_message_ts", v.lastMessageTs())
                .string("department_id", inquiry.department() == null ? null : inquiry.department().value())
                .timestamp("queued_at", inquiry.queuedAt())
                .timestamp("taken_at", inquiry.takenAt())
                .string("source_type", inquiry.source().type())
                .string("source_alias", inquiry.source().alias())
                .timestamp("updated_at", inquiry.updatedAt());
    }

    static Inquiry read(ResultSet rs) throws SQLException {
        String department = rs.getString("department_id");
        return new Inquiry(new InquiryId(rs.getString("id")), new RoomId(rs.getString("room_id")), rs.getString("name"),
                SqlValues.instant(rs, "ts"), InquiryStatus.fromWireName(rs.getString("status")),
                new RoomVisitor(new VisitorId(rs.getString("v_id")), rs.getString("v_username"),
                        new VisitorToken(rs.getString("v_token")), rs.getString("v_status"),
                        SqlValues.instant(rs, "v_last_message_ts")),
                department == null ? null : new DepartmentId(department),
                SqlValues.instant(rs, "queued_at"), SqlValues.instant(rs, "taken_at"),
                new RoomSource(rs.getString("source_type"), rs.getString("source_alias")),
                SqlValues.instant(rs, "updated_at"));
    }
}
