package dev.livechat.adapter.jdbc;

import dev.livechat.adapter.jdbc.internal.Columns;
import dev.livechat.adapter.jdbc.internal.Row;
import dev.livechat.adapter.jdbc.internal.SqlValues;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.room.ClosedBy;
import dev.livechat.domain.room.Closer;
import dev.livechat.domain.room.ResponseBy;
import dev.livechat.domain.room.RoomMetrics;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSource;
import dev.livechat.domain.room.RoomVisitor;
import dev.livechat.domain.room.ServedBy;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;

import java.sql.SQLException;
import java.time.Instant;

/**
 * Maps a {@link RoomSnapshot} to and from a {@code rooms} row; tags and survey answers live in their own tables and
 * are written and attached by the repository.
 */
final class RoomMapper {

    private RoomMapper() {
    }

    /** Every column of the room's row except {@code version}, which only the repository sets. */
    static Row row(RoomSnapshot room) {
        RoomVisitor v = room.visitor();
        RoomMetrics m = room.metrics();
        ServedBy servedBy = room.servedBy();
        ResponseBy responseBy = room.responseBy();
        RoomSource source = room.source();
        ClosedBy closedBy = room.closedBy();
        Row row = new Row()
                .string("id", room.id().value())
                .integer("msgs", room.msgs())
                .integer("users_count", room.usersCount())
                .timestamp("lm", room.lm())
                .string("fname", room.fname())
                .timestamp("ts", room.ts())
                .string("department_id", room.departmentId() == null ? null : room.departmentId().value())
                .string("v_id", v.id().value())
                .string("v_username", v.username())
                .string("v_token", v.token().value())
                .string("v_status", v.status())
                .timestamp("v_last_message_ts", v.lastMessageTs())
                .bool("is_open", room.open())
                .string("open_visitor_token", room.open() ? v.token().value() : null)
                .timestamp("updated_at", room.updatedAt());
        if (room.lastMessage() == null) {
            MessageMapper.writeAbsent(row, MessageMapper.ROOM_PREFIX);
        } else {
            MessageMapper.write(row, MessageMapper.ROOM_PREFIX, room.lastMessage());
        }
        return row
                .timestamp("metric_visitor_last_query", m.visitorLastQuery())
                .timestamp("metric_agent_last_reply", m.agentLastReply())
                .timestamp("metric_response_first_date", m.responseFirstDate())
                .bigint("metric_response_first_time_ms", m.responseFirstTimeMs())
                .bigint("metric_response_total_time_ms", m.responseTotalTimeMs())
                .integer("metric_response_count", m.responseCount())
                .timestamp("metric_reaction_first_date", m.reactionFirstDate())
                .bigint("metric_reaction_first_time_ms", m.reactionFirstTimeMs())
                .bigint("metric_reaction_total_time_ms", m.reactionTotalTimeMs())
                .bigint("metric_chat_duration_ms", m.chatDurationMs())
                .bigint("metric_service_time_duration_ms", m.serviceTimeDurationMs())
                .string("served_by_id", servedBy == null ? null : servedBy.id().value())
                .string("served_by_username", servedBy == null ? null : servedBy.username())
                .timestamp("served_by_ts", servedBy == null ? null : servedBy.ts())
                .bool("waiting_response", room.waitingResponse())
                .string("response_by_id", responseBy == null ? null : responseBy.id().value())
                .string("response_by_username", responseBy == null ? null : responseBy.username())
                .timestamp("response_by_first_response_ts", responseBy == null ? null : responseBy.firstResponseTs())
                .timestamp("response_by_last_message_ts", responseBy == null ? null : responseBy.lastMessageTs())
                .string("source_type", source.type())
                .string("source_alias", source.alias())
                .string("source_type_folded", SearchText.fold(source.type()))
                .string("source_alias_folded", source.alias() == null ? null : SearchText.fold(source.alias()))
                .timestamp("closed_at", room.closedAt())
                .string("closer", room.closer() == null ? null : room.closer().wireName())
                .string("closed_by_id", closedBy == null ? null : closedBy.id())
                .string("closed_by_username", closedBy == null ? null : closedBy.username())
                .bool("has_survey_feedback", room.surveyFeedback() != null)
                .integer("tag_count", room.tags().size());
    }

    /**
     * The snapshot of the current row, without tags and survey (the repository adds them); {@code has_survey_feedback}
     * tells the repository whether to attach one.
     */
    static RoomSnapshot.Builder read(Columns c) throws SQLException {
        String departmentId = c.string("department_id");
        RoomVisitor visitor = new RoomVisitor(new VisitorId(c.string("v_id")), c.string("v_username"),
                new VisitorToken(c.string("v_token")), c.string("v_status"),
                c.instant("v_last_message_ts"));
        RoomMetrics metrics = new RoomMetrics(
                c.instant("metric_visitor_last_query"),
                c.instant("metric_agent_last_reply"),
                c.instant("metric_response_first_date"),
                c.nullableLong("metric_response_first_time_ms"),
                c.nullableLong("metric_response_total_time_ms"),
                c.nullableInt("metric_response_count"),
                c.instant("metric_reaction_first_date"),
                c.nullableLong("metric_reaction_first_time_ms"),
                c.nullableLong("metric_reaction_total_time_ms"),
                c.nullableLong("metric_chat_duration_ms"),
                c.nullableLong("metric_service_time_duration_ms"));
        String servedById = c.string("served_by_id");
        ServedBy servedBy = servedById == null ? null : new ServedBy(new UserId(servedById),
                c.string("served_by_username"), c.instant("served_by_ts"));
        String responseById = c.string("response_by_id");
        ResponseBy responseBy = responseById == null ? null : new ResponseBy(new UserId(responseById),
                c.string("response_by_username"), c.instant("response_by_first_response_ts"),
                c.instant("response_by_last_message_ts"));
        String closer = c.string("closer");
        String closedById = c.string("closed_by_id");
        Instant closedAt = c.instant("closed_at");
        return RoomSnapshot.builder()
                .id(new RoomId(c.string("id")))
                .version(c.bigint("version"))
                .msgs(c.integer("msgs"))
                .usersCount(c.integer("users_count"))
                .lm(c.instant("lm"))
                .fname(c.string("fname"))
                .ts(c.instant("ts"))
                .departmentId(departmentId == null ? null : new DepartmentId(departmentId))
                .visitor(visitor)
                .open(c.bool("is_open"))
                .updatedAt(c.instant("updated_at"))
                .lastMessage(MessageMapper.read(c, MessageMapper.ROOM_PREFIX))
                .metrics(metrics)
                .servedBy(servedBy)
                .waitingResponse(c.bool("waiting_response"))
                .responseBy(responseBy)
                .source(new RoomSource(c.string("source_type"), c.string("source_alias")))
                .closedAt(closedAt)
                .closer(closer == null ? null : Closer.fromWireName(closer))
                .closedBy(closedById == null ? null : new ClosedBy(closedById, c.string("closed_by_username")));
    }
}
